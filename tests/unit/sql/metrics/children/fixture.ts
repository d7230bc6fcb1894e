import { referral } from '../../../../helpers/engine';

/**
 * Hand-counted referrals for the Children metrics. Financial years: 2022-23 holds R1–R3, 2023-24 R4–R5,
 * 2024-25 R6. Calendar quarters: one referral each, except none in 2023 Q3–Q4.
 */
export const childrenFixture = [
	referral({
		referral_id: 'R1',
		child_id: 'A',
		referral_date: '2022-05-10',
		age_at_referral: 16,
		gender: 'male',
		ethnicity: 'white',
		looked_after: false,
		district: 'fenland',
		referral_source: 'police'
	}),
	referral({
		referral_id: 'R2',
		child_id: 'B',
		referral_date: '2022-11-01',
		age_at_referral: 14,
		gender: 'female',
		ethnicity: 'asian',
		looked_after: true,
		district: 'cambridge',
		referral_source: 'schools'
	}),
	referral({
		referral_id: 'R3',
		child_id: 'C',
		referral_date: '2023-02-15',
		age_at_referral: 12,
		gender: 'male',
		ethnicity: 'unknown',
		looked_after: null,
		district: 'fenland',
		referral_source: 'schools'
	}),
	referral({
		referral_id: 'R4',
		child_id: 'A',
		referral_date: '2023-04-01',
		age_at_referral: 17,
		gender: 'male',
		ethnicity: 'white',
		looked_after: true,
		district: 'fenland',
		referral_source: 'police'
	}),
	referral({
		referral_id: 'R5',
		child_id: "D'5",
		referral_date: '2024-03-31',
		age_at_referral: 13,
		gender: 'indeterminate',
		ethnicity: 'mixed',
		looked_after: false,
		district: 'peterborough',
		referral_source: 'health'
	}),
	referral({
		referral_id: 'R6',
		child_id: 'E',
		referral_date: '2024-04-01',
		age_at_referral: 15,
		gender: 'female',
		ethnicity: 'white',
		looked_after: false,
		district: 'cambridge',
		referral_source: 'police'
	})
];
