import { describe, expect, it } from 'vitest';
import {
	episodeHeadline,
	referralHeadline,
	type EpisodeHeadline,
	type ReferralHeadline
} from '$lib/sql/metrics/headline';
import { monthlyReferralsByDistrict, type MonthlyDistrictCount } from '$lib/sql/metrics/monthly-referrals';
import { engineWith, episode, referral } from '../../../helpers/engine';
import { answer } from '../../../helpers/answer';
import { engineForFile } from '../../../helpers/file-engine';

// Hand-counted fixture: child A is referred three times (2nd within 12 months of the 1st: repeat; 3rd more
// than 12 months after the 2nd: not a repeat); child B twice (2nd exactly 12 months after: repeat).
const rows = [
	referral({
		referral_id: 'R1',
		child_id: 'A',
		referral_date: '2023-01-10',
		district: 'fenland',
		looked_after: true
	}),
	referral({
		referral_id: 'R2',
		child_id: 'A',
		referral_date: '2023-06-01',
		district: 'fenland',
		looked_after: true
	}),
	referral({
		referral_id: 'R3',
		child_id: 'A',
		referral_date: '2024-07-01',
		district: 'fenland',
		looked_after: false
	}),
	referral({
		referral_id: 'R4',
		child_id: 'B',
		referral_date: '2023-03-15',
		district: 'cambridge',
		looked_after: null
	}),
	referral({
		referral_id: 'R5',
		child_id: 'B',
		referral_date: '2024-03-15',
		district: 'cambridge',
		looked_after: false
	}),
	referral({
		referral_id: 'R6',
		child_id: "C'3",
		referral_date: '2023-03-20',
		district: 'cambridge',
		looked_after: false
	})
];
const episodes = [
	episode({ episode_id: 'E1', child_id: 'A', start_date: '2023-02-01', district: 'fenland' }),
	episode({ episode_id: 'E2', child_id: 'A', start_date: '2023-07-01', district: 'fenland', end_date: null }),
	episode({ episode_id: 'E3', child_id: 'B', start_date: '2024-01-01', district: 'cambridge' })
];

const engine = engineForFile(() => engineWith({ referrals: rows, missing_episodes: episodes }));

describe('referralHeadline', () => {
	it('counts referrals, children, repeats and looked-after on the whole extract', async () => {
		const [headline] = await answer<ReferralHeadline>(engine, referralHeadline({}));
		expect(headline).toEqual({
			referrals: 6,
			children: 3,
			repeat_referrals: 2,
			looked_after: 2,
			looked_after_known: 5
		});
	});

	it('keeps repeat status fixed when the period filter excludes the earlier referral', async () => {
		const [headline] = await answer<ReferralHeadline>(engine, referralHeadline({ from: '2024-01-01' }));
		expect(headline).toEqual({
			referrals: 2,
			children: 2,
			repeat_referrals: 1,
			looked_after: 0,
			looked_after_known: 2
		});
	});

	it('filters by district', async () => {
		const [headline] = await answer<ReferralHeadline>(engine, referralHeadline({ districts: ['cambridge'] }));
		expect(headline?.referrals).toBe(3);
		expect(headline?.children).toBe(2);
	});
});

describe('episodeHeadline', () => {
	it('counts episodes and children missing under the filters that apply', async () => {
		expect(await answer<EpisodeHeadline>(engine, episodeHeadline({}))).toEqual([
			{ episodes: 3, children_missing: 2 }
		]);
		expect(
			await answer<EpisodeHeadline>(engine, episodeHeadline({ districts: ['fenland'], genders: ['female'] }))
		).toEqual([{ episodes: 2, children_missing: 1 }]);
	});
});

describe('monthlyReferralsByDistrict', () => {
	it('groups by month and district with ISO month keys', async () => {
		const result = await answer<MonthlyDistrictCount>(
			engine,
			monthlyReferralsByDistrict({ from: '2023-03-01', to: '2023-06-30' })
		);
		expect(result).toEqual([
			{ month: '2023-03-01', district: 'cambridge', referrals: 2 },
			{ month: '2023-06-01', district: 'fenland', referrals: 1 }
		]);
	});
});
