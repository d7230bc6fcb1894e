import { describe, expect, it } from 'vitest';
import { indicatorPairs, type IndicatorPair } from '$lib/sql/metrics/indicators/pairs';
import { engineWith } from '../../../../helpers/engine';
import { indicatorFixture } from './fixture';
import { answer } from '../../../../helpers/answer';
import { engineForFile } from '../../../../helpers/file-engine';

const engine = engineForFile(() => engineWith({ referrals: indicatorFixture }));

describe('indicatorPairs', () => {
	it('counts referrals with both, and with each, of every pair of indicators', async () => {
		const rows = await answer<IndicatorPair>(engine, indicatorPairs({}));
		expect(rows).toHaveLength(66);
		const pair = (a: string, b: string) => {
			const row = rows.find((candidate) => candidate.a === a && candidate.b === b);
			return row && [row.both, row.a_present, row.b_present, row.referrals];
		};
		expect(pair('ind_missing', 'ind_drugs')).toEqual([2, 3, 4, 6]);
		expect(pair('ind_missing', 'ind_coercion')).toEqual([2, 3, 2, 6]);
		expect(pair('ind_missing', 'ind_gifts')).toEqual([1, 3, 3, 6]);
		expect(pair('ind_drugs', 'ind_coercion')).toEqual([1, 4, 2, 6]);
		expect(pair('ind_drugs', 'ind_gifts')).toEqual([3, 4, 3, 6]);
		expect(pair('ind_coercion', 'ind_gifts')).toEqual([0, 2, 3, 6]);
		expect(pair('ind_gifts', 'ind_drugs')).toBeUndefined();
	});

	it('applies the filters', async () => {
		const rows = await answer<IndicatorPair>(engine, indicatorPairs({ districts: ['fenland'] }));
		const row = rows.find((candidate) => candidate.a === 'ind_missing' && candidate.b === 'ind_coercion');
		expect(row).toMatchObject({ both: 1, a_present: 2, b_present: 1, referrals: 2 });
	});
});
