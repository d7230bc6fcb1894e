import { describe, expect, it } from 'vitest';
import { combinationsView } from '$lib/summaries/indicator-combinations';

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

	it('suppresses small combinations in publication mode', () => {
		const view = combinationsView(
			[row('ind_missing', 1, 30), row('ind_drugs', 1, 20), row('ind_gifts', 1, 4)],
			{
				publication: true
			}
		);
		expect(view.points[2]).toMatchObject({ referrals: null, share: null });
	});
});
