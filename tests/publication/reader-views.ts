import { districts, genders } from '$lib/contract';
import type { Filters } from '$lib/domain/filters';
import type { Grain } from '$lib/domain/calendar';
import { periodPresets } from '$lib/domain/period-presets';

/** A view a reader can reach with the filter bar, named so its figures can be told apart. */
export interface ReaderView {
	name: string;
	filters: Filters;
	grain: Grain;
}

/**
 * How a view's figures relate to other views' figures of the same cell: the whole is the sum of its parts
 * (every district = Σ each district alone; every district = every district but d + d alone; every gender
 * = Σ each gender). Which cells obey it is checked on the true values, never assumed.
 */
export interface Partition {
	name: string;
	whole: string;
	parts: string[];
}

/**
 * The views the reader collects (issue 9): every district, every district but one and each district alone,
 * each gender, the latest complete quarter and the whole period, and two cohort filters (an indicator
 * combination and single-year ages). Pages with a month/quarter choice are read at both grains for the
 * views whose months a reader would add up.
 */
export function readerViews(lastReferral: string): { views: ReaderView[]; partitions: Partition[] } {
	const month = (name: string, filters: Filters): ReaderView => ({ name, filters, grain: 'month' });
	const quarter = periodPresets(lastReferral).find((preset) => preset.id === 'latest-quarter');
	const views: ReaderView[] = [
		month('all', {}),
		{ name: 'all@quarter', filters: {}, grain: 'quarter' },
		...districts.codes.map((code) => month(`only:${code}`, { districts: [code] })),
		...districts.codes.map((code): ReaderView => ({
			name: `only:${code}@quarter`,
			filters: { districts: [code] },
			grain: 'quarter'
		})),
		...districts.codes.map((code) =>
			month(`without:${code}`, { districts: districts.codes.filter((other) => other !== code) })
		),
		...genders.codes.map((code) => month(`gender:${code}`, { genders: [code] })),
		...(quarter ? [month('latest-quarter', { from: quarter.from, to: quarter.to })] : []),
		month('cohort:missing+drugs', {
			indicators: { conditions: { ind_missing: 'present', ind_drugs: 'present' }, match: 'all' }
		}),
		month('cohort:age14-15', { ageFrom: 14, ageTo: 15 })
	];
	const partitions: Partition[] = [
		{ name: 'districts', whole: 'all', parts: districts.codes.map((code) => `only:${code}`) },
		{
			name: 'districts@quarter',
			whole: 'all@quarter',
			parts: districts.codes.map((code) => `only:${code}@quarter`)
		},
		...districts.codes.map((code) => ({
			name: `all but ${code}`,
			whole: 'all',
			parts: [`without:${code}`, `only:${code}`]
		})),
		{ name: 'genders', whole: 'all', parts: genders.codes.map((code) => `gender:${code}`) }
	];
	return { views, partitions };
}
