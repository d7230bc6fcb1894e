import { describe, expect, it } from 'vitest';
import { indicatorColumns } from '$lib/contract';
import { indicatorPrevalence, type IndicatorPrevalence } from '$lib/sql/metrics/indicators/prevalence';
import { engineWith } from '../../../../helpers/engine';
import { indicatorFixture } from './fixture';
import { answer } from '../../../../helpers/answer';
import { engineForFile } from '../../../../helpers/file-engine';

const engine = engineForFile(() => engineWith({ referrals: indicatorFixture }));

const counts = (rows: IndicatorPrevalence[]) =>
	Object.fromEntries(rows.map((row) => [row.indicator, [row.present, row.assessed, row.referrals]]));

describe('indicatorPrevalence', () => {
	it('counts, per indicator, referrals with it present at any level and referrals assessed', async () => {
		const rows = await answer<IndicatorPrevalence>(engine, indicatorPrevalence({}));
		expect(rows.map((row) => row.indicator)).toEqual(indicatorColumns);
		expect(counts(rows)).toEqual({
			ind_missing: [3, 5, 6],
			ind_accommodation: [0, 6, 6],
			ind_education: [0, 5, 6],
			ind_drugs: [4, 6, 6],
			ind_relationships: [0, 5, 6],
			ind_disengagement: [0, 6, 6],
			ind_coercion: [2, 6, 6],
			ind_mental_health: [0, 6, 6],
			ind_concerning_adults: [0, 6, 6],
			ind_online: [0, 6, 6],
			ind_gifts: [3, 6, 6],
			ind_appearance: [0, 6, 6]
		});
	});

	it('applies the filters, and gives zeros rather than no rows when nothing matches', async () => {
		const girls = counts(
			await answer<IndicatorPrevalence>(engine, indicatorPrevalence({ genders: ['female'] }))
		);
		expect(girls.ind_missing).toEqual([2, 2, 2]);
		expect(girls.ind_drugs).toEqual([1, 2, 2]);
		expect(girls.ind_relationships).toEqual([0, 1, 2]);
		const none = await answer<IndicatorPrevalence>(engine, indicatorPrevalence({ districts: [] }));
		expect(none).toHaveLength(12);
		expect(none.every((row) => row.present === 0 && row.assessed === 0 && row.referrals === 0)).toBe(true);
	});
});
