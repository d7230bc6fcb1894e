/**
 * The numbers a sentence states that are not counts of records, as its builder declares them
 * (`ChartSpec.notCounts`), read the way the automated reader reads them; and the Missing page's durations
 * sentence in publication mode, which must state only published counts.
 */
import { describe, expect, it } from 'vitest';
import { perturb } from '$lib/publication/perturb';
import { PROTECTED_MAX } from '$lib/publication/ptable';
import { RARE_EVENT_MEAN } from '$lib/stats';
import { districts, indicatorColumns } from '$lib/contract';
import { indicatorDistrictsNotCounts, indicatorDistrictView } from '$lib/summaries/indicator-districts';
import type { DistrictSpc } from '../../src/routes/districts/district-spc';
import { districtSpcNotCounts, summariseDistrictSpc } from '../../src/routes/districts/district-spc-summary';
import { bandShares } from '../../src/routes/missing/band-shares';
import { durationsNotCounts, summariseDurations } from '../../src/routes/missing/durations';
import type { Cell, Reading } from './gather';
import { declaredNotCount, sentenceFigures } from './published-number';
import { countFilter } from './relations';

/** Each figure of a sentence as the reader reads it, and whether its builder says it is not a count. */
const figures = (text: string, notCounts: readonly string[]) =>
	sentenceFigures(text).map(({ text: shown, following }) => ({
		shown,
		notCount: declaredNotCount(following, notCounts)
	}));

const district = (districtLabel: string, overrides: Partial<DistrictSpc>): DistrictSpc => ({
	district: districtLabel.toLowerCase(),
	districtLabel,
	points: [],
	variation: null,
	recentHigh: 0,
	recentLow: 0,
	recentMonths: 12,
	recentAboveLimit: 0,
	provisional: false,
	rare: false,
	...overrides
});

describe('the district SPC summary', () => {
	it('declares every number it states a number of months, none a count of referrals', () => {
		const summary = summariseDistrictSpc([
			district('Fenland', { recentHigh: 4, recentAboveLimit: 1 }),
			district('Peterborough', { recentHigh: 2, recentMonths: 1 }),
			district('Huntingdonshire', { recentLow: 3 }),
			district('Cambridge', {}),
			district('East Cambridgeshire', { rare: true })
		]);
		// The run lengths the audit pinned ("4 … above the", "1 above the"), the months looked at and the
		// rare-event threshold: months, all of them.
		expect(figures(summary, districtSpcNotCounts)).toEqual(
			['4', '12', '1', '2', '1', '3', '12', '12', String(RARE_EVENT_MEAN)].map((shown) => ({
				shown,
				notCount: true
			}))
		);
	});
});

describe('the district prevalence summary', () => {
	it('declares its numbers of comparisons and of flags', () => {
		// Every district at 40 of 100 on every indicator but two, one flagged higher and one lower.
		const given: Record<string, [number, number]> = {
			'fenland ind_drugs': [80, 100],
			'cambridge ind_gifts': [10, 100]
		};
		const rows = districts.codes.flatMap((district) =>
			indicatorColumns.map((indicator) => {
				const [present, assessed] = given[`${district} ${indicator}`] ?? [40, 100];
				return { district, indicator, present, assessed, referrals: assessed };
			})
		);
		const { summary } = indicatorDistrictView(rows, { publication: false });
		// "1 district value is … higher and 1 significantly lower", "2 of 72 … comparisons": the reader once
		// read 2 as the sum of two counts of referrals and held publication mode to it.
		const whole = (figure: { shown: string }) => /^\d+$/.test(figure.shown);
		expect(figures(summary, indicatorDistrictsNotCounts).filter(whole)).toEqual(
			['1', '1', '2', '72'].map((shown) => ({ shown, notCount: true }))
		);
		// The shares and the 3.6 expected by chance are not whole numbers: the reader never takes them as counts.
		expect(figures(summary, indicatorDistrictsNotCounts).filter((figure) => !whole(figure))).toHaveLength(6);
	});
});

describe('the durations summary', () => {
	const sentence = (counts: Record<string, number>, publication: boolean) => {
		const { rows, total } = bandShares(
			Object.entries(counts).map(([band, episodes]) => ({ band, episodes })),
			{
				bands: Object.keys(counts),
				labels: {},
				band: 'band',
				count: 'episodes',
				publication
			}
		);
		return summariseDurations(rows, total);
	};

	it('declares only the bands\u2019 bounds ("1 or 2 days"), so its counts stay protected', () => {
		const text = sentence(
			{ same_day: 40, one_to_two: 40, three_to_seven: 13, over_seven: 4, still_missing: 3 },
			false
		);
		expect(figures(text, durationsNotCounts).filter((figure) => !figure.notCount)).toEqual(
			['100', '40', '40.0%', '40', '40.0%', '4', '3'].map((shown) => ({ shown, notCount: false }))
		);
		expect(figures(text, durationsNotCounts).filter((figure) => figure.notCount)).toEqual([
			{ shown: '1', notCount: true },
			{ shown: '2', notCount: true }
		]);
	});

	it('in publication mode states no count of 1 to 5, whatever the cell keys', () => {
		// Small bands, as one district's or one gender's episodes are: 3 still open, as in the demo.
		const truth = { same_day: 9, one_to_two: 5, three_to_seven: 2, over_seven: 1, still_missing: 3 };
		const stated = new Set<number>();
		for (let key = 0; key < 256; key++) {
			const published = Object.fromEntries(
				Object.entries(truth).map(([band, count], index) => [
					band,
					perturb(count, (key * 7 + index * 31) % 256)
				])
			);
			for (const { shown, notCount } of figures(sentence(published, true), durationsNotCounts)) {
				if (notCount || shown.includes('%') || shown.includes('.')) continue;
				stated.add(Number(shown));
			}
		}
		expect([...stated].filter((count) => count >= 1 && count <= PROTECTED_MAX)).toEqual([]);
		// Without publication mode the same sentence states the true 3 still open (the test can fail).
		expect(sentence(truth, false)).toContain('3 are still open');
	});
});

describe("the reader's counts", () => {
	it('leaves out a figure its sentence declares is not a count of records', () => {
		const cell = (notCount: boolean): Cell => ({
			view: 'all',
			id: 'districts|spcChart|summary|above the',
			kind: 'text',
			truth: 4,
			truthHalfWidth: 0,
			shown: { text: '4', value: 4, halfWidth: 0 },
			...(notCount ? { notCount: true as const } : {})
		});
		const reading: Reading = { views: [], partitions: [], cells: [cell(false), cell(true)] };
		const isCount = countFilter(reading);
		expect(isCount(cell(false))).toBe(true);
		expect(isCount(cell(true))).toBe(false);
	});
});
