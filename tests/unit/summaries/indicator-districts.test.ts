import { describe, expect, it } from 'vitest';
import { districts, indicatorColumns } from '$lib/contract';
import { indicatorDistrictView, multiplicityCaveat } from '$lib/summaries/indicator-districts';

/** Every district at 40 of 100 on every indicator, except the given cells. */
function rows(given: Record<string, [number, number]>) {
	return districts.codes.flatMap((district) =>
		indicatorColumns.map((indicator) => {
			const [present, assessed] = given[`${district} ${indicator}`] ?? [40, 100];
			return { district, indicator, present, assessed, referrals: assessed };
		})
	);
}

describe('indicatorDistrictView', () => {
	it('flags districts whose interval excludes the partnership prevalence', () => {
		const view = indicatorDistrictView(
			rows({ 'fenland ind_drugs': [80, 100], 'cambridge ind_gifts': [10, 100] }),
			{
				publication: false
			}
		);
		expect(view.cells).toHaveLength(72);
		const cell = (district: string, indicator: string) =>
			view.cells.find((candidate) => candidate.district === district && candidate.indicator === indicator)!;
		// Partnership drug use: (5 × 40 + 80) / 600 = 46.7%; Fenland's interval (71% to 87%) is above it.
		expect(cell('fenland', 'ind_drugs')).toMatchObject({ benchmark: 'higher', share: 0.8 });
		expect(cell('fenland', 'ind_drugs').partnership).toBeCloseTo(280 / 600, 12);
		expect(cell('cambridge', 'ind_gifts').benchmark).toBe('lower');
		expect(cell('peterborough', 'ind_missing').benchmark).toBe('similar');
		expect(view.title).toBe('Fenland (‘Drug use’) is significantly above the partnership as a whole');
		expect(view.summary).toBe(
			'Compared with the partnership’s prevalence, 1 district value is significantly higher and 1 significantly lower (95% Wilson intervals). Higher: Fenland, ‘Drug use’ (80.0% against 46.7%). Lower: Cambridge, ‘Unexplained gifts’ (10.0% against 35.0%). 2 of 72 district-by-indicator comparisons are flagged; at the 95% level about 3.6 would be flagged by chance alone if no district truly differed, so read a single flag with care.'
		);
	});

	it('says so when no district differs', () => {
		expect(indicatorDistrictView(rows({}), { publication: false }).title).toBe(
			'No district differs significantly from the partnership on any indicator'
		);
	});
});

describe('multiplicity caveat', () => {
	it('says how many of the district-by-indicator flags chance alone would give (72 tests: 3.6)', () => {
		expect(multiplicityCaveat(72, 5)).toBe(
			'5 of 72 district-by-indicator comparisons are flagged; at the 95% level about 3.6 would be flagged by chance alone if no district truly differed, so read a single flag with care.'
		);
		expect(multiplicityCaveat(0, 0)).toBe('');
	});
});
