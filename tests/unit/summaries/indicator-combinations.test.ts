import { describe, expect, it } from 'vitest';
import { indicatorColumns } from '$lib/contract';
import { combinationsView, rankCombinations } from '$lib/summaries/indicator-combinations';

const row = (combination: string, degree: number, referrals: number) => ({
	combination,
	degree,
	referrals,
	total: 200,
	combinations: 40
});

describe('combinationsView', () => {
	it('labels combinations with short indicator names and states how spread out they are', () => {
		const view = combinationsView(
			[
				row('', 0, 20),
				row('ind_missing|ind_drugs', 2, 12),
				row('ind_education', 1, 10),
				row('ind_gifts', 1, 4)
			],
			{ publication: false }
		);
		expect(view.points.map((point) => point.label)).toEqual([
			'No indicator present',
			'‘Missing’ + ‘Drug use’',
			'‘Education’',
			'‘Unexplained gifts’'
		]);
		expect(view.points[1]!.members).toEqual(['ind_missing', 'ind_drugs']);
		expect(view.title).toBe(
			'40 different combinations of indicators occur; the most common, ‘Missing’ + ‘Drug use’, covers only 6.0% of referrals'
		);
		expect(view.summary).toBe(
			'Of 200 referrals, the most frequent exact combinations of indicators present are ‘Missing’ + ‘Drug use’ 6.0%, ‘Education’ alone 5.0%, ‘Unexplained gifts’ alone 2.0%; 10.0% have no indicator present. The chart shows the 4 most frequent of 40 combinations.'
		);
	});

	it('ranks by the counts it is shown, ties by size then key, so equal published counts leak no true order', () => {
		// As publication mode hands them over: two combinations published as 30 whatever their true counts.
		const ranked = rankCombinations([
			row('ind_missing|ind_gifts', 2, 30),
			row('ind_drugs', 1, 20),
			row('ind_gifts', 1, 30),
			row('ind_education', 1, 30)
		]);
		expect(ranked.map((one) => one.combination)).toEqual([
			'ind_education',
			'ind_gifts',
			'ind_missing|ind_gifts',
			'ind_drugs'
		]);
	});

	it('keeps the 15 most frequent, and no combination published as 0', () => {
		const rows = Array.from({ length: 20 }, (_, index) => row(`ind_${index}`, 1, index * 6));
		const ranked = rankCombinations(rows);
		expect(ranked).toHaveLength(15);
		expect(ranked[0]!.referrals).toBe(114);
		expect(ranked.at(-1)!.referrals).toBe(30);
		expect(rankCombinations([row('ind_gifts', 1, 0)])).toEqual([]);
	});

	it('reports the total and the number of combinations from every combination, not only those shown', () => {
		const rows = [
			...indicatorColumns.map((one, index) => row(one, 1, 10 + index)),
			...indicatorColumns.slice(1, 9).map((one, index) => row(`ind_missing|${one}`, 2, 30 + index))
		];
		const view = combinationsView(rows, { publication: false });
		expect(view.points).toHaveLength(15);
		expect(view.summary).toMatch(
			/^Of 200 referrals,.*The chart shows the 15 most frequent of 40 combinations\.$/
		);
	});
});
