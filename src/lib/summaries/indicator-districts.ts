import {
	cambridgeshireAndPeterborough,
	indicatorColumns,
	type AreaReference,
	type IndicatorColumn
} from '$lib/contract';
import { formatDecimal, formatPercent } from '$lib/format/number';
import type { DistrictPrevalence } from '$lib/sql/metrics/indicators/prevalence-by-district';
import type { Published } from '$lib/publication/withheld';
import { indicatorLabels, quoted } from './indicator-prevalence';
import { publishShareRows, shareOf } from './share';

export type Benchmark = 'higher' | 'lower' | 'similar';

export interface DistrictCell {
	district: string;
	districtLabel: string;
	indicator: IndicatorColumn;
	label: string;
	short: string;
	present: number | null;
	assessed: number | null;
	share: number | null;
	lower: number | null;
	upper: number | null;
	/** Against the partnership's prevalence: significantly higher or lower (95% interval), or similar. */
	benchmark: Benchmark | null;
	/** Prevalence across all the districts shown. */
	partnership: number | null;
}

export interface DistrictView {
	cells: Published<DistrictCell>[];
	title: string;
	summary: string;
}

/**
 * Prevalence of each indicator per district, each compared with the partnership's prevalence the way
 * Fingertips benchmarks an area: significantly higher when the district's 95% Wilson interval lies wholly
 * above the partnership value, lower when wholly below. Every district and indicator appears.
 */
export function indicatorDistrictView(
	rows: readonly DistrictPrevalence[],
	{
		publication,
		areas = cambridgeshireAndPeterborough
	}: {
		publication: boolean;
		/** The loaded area reference: every district of it gets a cell, in its order. */
		areas?: AreaReference;
	}
): DistrictView {
	const partnership = new Map(
		indicatorColumns.map((column) => {
			const of = rows.filter((row) => row.indicator === column);
			const present = of.reduce((sum, row) => sum + row.present, 0);
			const assessed = of.reduce((sum, row) => sum + row.assessed, 0);
			return [column, assessed > 0 ? present / assessed : null];
		})
	);
	const filled = indicatorColumns.flatMap((indicator) =>
		areas.enumeration.codes.map((district) => {
			const row = rows.find(
				(candidate) => candidate.district === district && candidate.indicator === indicator
			);
			return { district, indicator, present: row?.present ?? 0, assessed: row?.assessed ?? 0 };
		})
	);
	const published = publishShareRows(
		filled,
		{
			count: 'present',
			denominator: 'assessed',
			derived: ['share', 'lower', 'upper', 'benchmark']
		},
		publication
	);
	const cells = published.map((row): Published<DistrictCell> => {
		const estimate = shareOf(row.present, row.assessed);
		const bench = partnership.get(row.indicator) ?? null;
		const benchmark: Benchmark | null =
			estimate.lower === null || estimate.upper === null || bench === null
				? null
				: estimate.lower > bench
					? 'higher'
					: estimate.upper < bench
						? 'lower'
						: 'similar';
		return {
			...row,
			districtLabel: areas.label(row.district),
			...indicatorLabels(row.indicator),
			...estimate,
			benchmark,
			partnership: bench
		};
	});
	if (rows.length === 0) {
		return {
			cells: [],
			title: 'No referrals match the current filters',
			summary: 'No referrals match the current filters.'
		};
	}
	const higher = cells.filter((cell) => cell.benchmark === 'higher');
	const lower = cells.filter((cell) => cell.benchmark === 'lower');
	const caveat = multiplicityCaveat(
		cells.filter((cell) => cell.benchmark !== null && cell.benchmark !== undefined).length,
		higher.length + lower.length
	);
	const byDistrict = new Map<string, string[]>();
	for (const cell of higher)
		byDistrict.set(cell.districtLabel, [...(byDistrict.get(cell.districtLabel) ?? []), quoted(cell.short)]);
	const leaders = [...byDistrict.entries()].sort(
		(x, y) => y[1].length - x[1].length || x[0].localeCompare(y[0])
	);
	const named = leaders.slice(0, 3).map(([district, names]) => `${district} (${names.join(', ')})`);
	const title =
		named.length > 0
			? `${named.length === 1 ? named[0] : `${named.slice(0, -1).join(', ')} and ${named.at(-1)}`} ${named.length === 1 ? 'is' : 'are'} significantly above the partnership as a whole${leaders.length > 3 ? ', with others' : ''}`
			: lower.length > 0
				? `No district is significantly above the partnership on any indicator; ${lower.length} district ${lower.length === 1 ? 'value is' : 'values are'} below`
				: 'No district differs significantly from the partnership on any indicator';
	const list = (group: readonly DistrictCell[]) =>
		group
			.slice(0, 6)
			.map(
				(cell) =>
					`${cell.districtLabel}, ${quoted(cell.short)} (${formatPercent(cell.share!)} against ${formatPercent(cell.partnership!)})`
			)
			.join('; ');
	const summary =
		`Compared with the partnership’s prevalence, ${higher.length} district value${higher.length === 1 ? ' is' : 's are'} significantly higher and ${lower.length} significantly lower (95% Wilson intervals)` +
		(higher.length > 0 ? `. Higher: ${list(higher)}${higher.length > 6 ? '; and others' : ''}` : '') +
		(lower.length > 0 ? `. Lower: ${list(lower)}${lower.length > 6 ? '; and others' : ''}` : '') +
		(caveat ? `. ${caveat}` : '.');
	return { cells, title, summary };
}

/**
 * The numbers the district prevalence title and summary state that are not counts of records, by the words
 * that follow each: how many district-by-indicator comparisons were made and how many are flagged higher or
 * lower. They count tests, not referrals; each test is of published counts in publication mode.
 */
export const indicatorDistrictsNotCounts = [
	'district value',
	'significantly lower',
	'of # district by indicator',
	'district by indicator'
] as const;

/**
 * The multiplicity caveat for many tests at the 5% level: with `tests` district-by-indicator comparisons
 * and no real difference anywhere, about 5% of them (tests × 0.05) would still be flagged, so a count of
 * flags near that number is what chance alone gives. Sightline states the caveat rather than correcting
 * (a Holm or Benjamini–Hochberg correction would need p-values the interval benchmark does not give).
 */
export function multiplicityCaveat(tests: number, flagged: number): string {
	if (tests === 0) return '';
	const expected = tests * 0.05;
	return `${flagged} of ${tests} district-by-indicator comparisons are flagged; at the 95% level about ${formatDecimal(expected)} would be flagged by chance alone if no district truly differed, so read a single flag with care.`;
}
