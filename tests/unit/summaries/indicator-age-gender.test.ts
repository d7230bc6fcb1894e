import { describe, expect, it } from 'vitest';
import { indicatorColumns } from '$lib/contract';
import { indicatorAgeGenderView } from '$lib/summaries/indicator-age-gender';

function rows(girlsMissing: number) {
	return indicatorColumns.flatMap((indicator) =>
		(['15-16', '17'] as const).flatMap((age_band) => [
			{ age_band, gender: 'male', indicator, present: 40, assessed: 100, referrals: 100 },
			{
				age_band,
				gender: 'female',
				indicator,
				present: indicator === 'ind_missing' ? girlsMissing : 40,
				assessed: 100,
				referrals: 100
			},
			{ age_band, gender: 'indeterminate', indicator, present: 1, assessed: 1, referrals: 1 }
		])
	);
}

describe('indicatorAgeGenderView', () => {
	it('compares girls with boys over all ages and names significant differences', () => {
		const view = indicatorAgeGenderView(rows(70), { publication: false });
		expect(view.bands).toEqual(['15-16', '17']);
		expect(view.cells).toHaveLength(12 * 2 * 2);
		expect(view.title).toBe('Girls more often have ‘Missing’');
		expect(view.summary).toBe(
			'Significant differences between girls and boys over all ages (Newcombe 95% interval): ‘Missing’ 70.0% of girls against 40.0% of boys. The highest prevalence in a group of at least 20 assessed referrals is ‘Missing’ among girls aged 15 to 16 (70.0%).'
		);
	});

	it('says when no indicator differs', () => {
		expect(indicatorAgeGenderView(rows(42), { publication: false }).title).toBe(
			'No indicator differs significantly between boys and girls'
		);
	});
});
