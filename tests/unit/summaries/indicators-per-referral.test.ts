import { describe, expect, it } from 'vitest';
import { perReferralView } from '$lib/summaries/indicators-per-referral';

describe('perReferralView', () => {
	it('fills 0 to 12 and gives the median and mean', () => {
		const view = perReferralView(
			[
				{ indicators: 0, referrals: 10 },
				{ indicators: 2, referrals: 30 },
				{ indicators: 4, referrals: 40 },
				{ indicators: 7, referrals: 20 }
			],
			{ publication: false }
		);
		expect(view.points).toHaveLength(13);
		expect(view.median).toBe(4);
		expect(view.mean).toBeCloseTo((60 + 160 + 140) / 100, 12);
		expect(view.title).toBe('The median referral has 4 of the 12 indicators present; 10.0% have none');
		expect(view.summary).toBe(
			'Of 100 referrals, the median number of indicators present was 4 and the mean 3.6; 10.0% had none and 20.0% had 6 or more. Indicators not assessed count as not present.'
		);
	});
});
