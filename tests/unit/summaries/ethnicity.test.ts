import { describe, expect, it } from 'vitest';
import { ethnicityView } from '$lib/summaries/ethnicity';

const rows = [
	{ ethnicity: 'white', referrals: 70 },
	{ ethnicity: 'asian', referrals: 12 },
	{ ethnicity: 'black', referrals: 10 },
	{ ethnicity: 'other', referrals: 4 },
	{ ethnicity: 'unknown', referrals: 4 }
];

describe('ethnicityView', () => {
	it('gives every ONS group as a share of referrals and never claims a population comparison', () => {
		const view = ethnicityView(rows, { publication: false });
		expect(view.points.map((point) => [point.ethnicity, point.referrals])).toEqual([
			['white', 70],
			['mixed', 0],
			['asian', 12],
			['black', 10],
			['other', 4],
			['unknown', 4]
		]);
		expect(view.title).toBe(
			'70.0% of referrals are of children recorded as White; 4.0% have no ethnicity recorded'
		);
		expect(view.summary).toBe(
			'Of 100 referrals: White 70.0%; Mixed or multiple 0.0%; Asian or Asian British 12.0%; Black, Black British, Caribbean or African 10.0%; Other ethnic group 4.0%; Unknown 4.0%. No comparison with the child population is made: that needs ONS ethnicity estimates for children in each district, which are not loaded.'
		);
	});
});
