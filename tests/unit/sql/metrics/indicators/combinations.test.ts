import { describe, expect, it } from 'vitest';
import { indicatorCombinations, type IndicatorCombination } from '$lib/sql/metrics/indicators/combinations';
import { engineWith } from '../../../../helpers/engine';
import { indicatorFixture } from './fixture';
import { answer } from '../../../../helpers/answer';
import { engineForFile } from '../../../../helpers/file-engine';

const engine = engineForFile(() => engineWith({ referrals: indicatorFixture }));

describe('indicatorCombinations', () => {
	it('counts every exact combination of indicators present, ordered by size then key, never by count', async () => {
		const rows = await answer<IndicatorCombination>(engine, indicatorCombinations({}));
		expect(rows).toEqual([
			{ combination: '', degree: 0, referrals: 1, total: 6, combinations: 5 },
			{ combination: 'ind_drugs|ind_gifts', degree: 2, referrals: 2, total: 6, combinations: 5 },
			{ combination: 'ind_missing|ind_coercion', degree: 2, referrals: 1, total: 6, combinations: 5 },
			{
				combination: 'ind_missing|ind_drugs|ind_coercion',
				degree: 3,
				referrals: 1,
				total: 6,
				combinations: 5
			},
			{ combination: 'ind_missing|ind_drugs|ind_gifts', degree: 3, referrals: 1, total: 6, combinations: 5 }
		]);
	});

	it('applies the filters', async () => {
		const rows = await answer<IndicatorCombination>(engine, indicatorCombinations({ genders: ['female'] }));
		expect(rows.map((row) => row.combination)).toEqual([
			'ind_missing|ind_coercion',
			'ind_missing|ind_drugs|ind_coercion'
		]);
	});
});
