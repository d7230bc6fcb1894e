import { indicatorColumns, type IndicatorColumn } from '$lib/contract';
import { referral } from '../../../../helpers/engine';

/** Every indicator at `rest` (default none) except those given; `null` leaves a level blank. */
function levels(
	given: Partial<Record<IndicatorColumn, string | null>>,
	rest = 'none'
): Record<string, string | null> {
	return Object.fromEntries(
		indicatorColumns.map((column) => [column, column in given ? (given[column] ?? null) : rest])
	);
}

/**
 * Hand-counted referrals for the indicator metrics.
 *
 * | id | district | age (band) | gender | quarter | FY | risk | present (others none) |
 * |----|----------|------------|--------|---------|----|------|-----------------------|
 * | I1 | fenland | 15 (15-16) | male | 2024 Q1 | 2023 | high | missing (high), drugs (low), gifts (present) |
 * | I2 | fenland | 12 (10-12) | female | 2024 Q1 | 2023 | medium | missing (medium), coercion (high); education not assessed |
 * | I3 | cambridge | 16 (15-16) | male | 2024 Q2 | 2024 | low | drugs (medium), gifts (low); missing not assessed |
 * | I4 | cambridge | 17 (17) | male | 2024 Q2 | 2024 | not assessed | none |
 * | I5 | peterborough | 14 (13-14) | female | 2024 Q3 | 2024 | high | missing, drugs, coercion (present); relationships blank |
 * | I6 | south_cambridgeshire | 9 (0-9) | not recorded | 2023 Q4 | 2023 | low | drugs (high), gifts (medium) |
 */
export const indicatorFixture = [
	referral({
		referral_id: 'I1',
		child_id: 'A',
		referral_date: '2024-01-15',
		age_at_referral: 15,
		gender: 'male',
		district: 'fenland',
		risk_level: 'high',
		...levels({ ind_missing: 'high', ind_drugs: 'low', ind_gifts: 'present' })
	}),
	referral({
		referral_id: 'I2',
		child_id: 'B',
		referral_date: '2024-02-10',
		age_at_referral: 12,
		gender: 'female',
		district: 'fenland',
		risk_level: 'medium',
		...levels({ ind_missing: 'medium', ind_coercion: 'high', ind_education: 'not_assessed' })
	}),
	referral({
		referral_id: 'I3',
		child_id: "C'3",
		referral_date: '2024-05-01',
		age_at_referral: 16,
		gender: 'male',
		district: 'cambridge',
		risk_level: 'low',
		...levels({ ind_drugs: 'medium', ind_gifts: 'low', ind_missing: 'not_assessed' })
	}),
	referral({
		referral_id: 'I4',
		child_id: 'D',
		referral_date: '2024-05-20',
		age_at_referral: 17,
		gender: 'male',
		district: 'cambridge',
		risk_level: 'not_assessed',
		...levels({})
	}),
	referral({
		referral_id: 'I5',
		child_id: 'E',
		referral_date: '2024-07-01',
		age_at_referral: 14,
		gender: 'female',
		district: 'peterborough',
		risk_level: 'high',
		...levels({
			ind_missing: 'present',
			ind_drugs: 'present',
			ind_coercion: 'present',
			ind_relationships: null
		})
	}),
	referral({
		referral_id: 'I6',
		child_id: 'F',
		referral_date: '2023-12-01',
		age_at_referral: 9,
		gender: 'not_recorded',
		district: 'south_cambridgeshire',
		risk_level: 'low',
		...levels({ ind_drugs: 'high', ind_gifts: 'medium' })
	})
];
