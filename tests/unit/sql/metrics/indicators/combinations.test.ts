import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '$lib/engine/engine';
import { indicatorCombinations, type IndicatorCombination } from '$lib/sql/metrics/indicators/combinations';
import { engineWith } from '../../../../helpers/engine';
import { indicatorFixture } from './fixture';
import { answer } from '../../../../helpers/answer';

let engine: Engine;
beforeAll(async () => {
	engine = await engineWith({ referrals: indicatorFixture });
});
afterAll(() => engine.close());

describe('indicatorCombinations', () => {
	it('counts exact combinations of indicators present, most frequent first, ties by size then key', async () => {
		const rows = await answer<IndicatorCombination>(engine, indicatorCombinations({}));
		expect(rows).toEqual([
			{ combination: 'ind_drugs|ind_gifts', degree: 2, referrals: 2, total: 6, combinations: 5 },
			{ combination: '', degree: 0, referrals: 1, total: 6, combinations: 5 },
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

	it('keeps the top N but reports the total and the number of combinations before the limit', async () => {
		const rows = await answer<IndicatorCombination>(engine, indicatorCombinations({}, 2));
		expect(rows.map((row) => [row.combination, row.referrals, row.total, row.combinations])).toEqual([
			['ind_drugs|ind_gifts', 2, 6, 5],
			['', 1, 6, 5]
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
