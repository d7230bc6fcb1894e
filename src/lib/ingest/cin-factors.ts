import type { IndicatorColumn } from '../contract';

/**
 * CIN census "factors identified at the end of assessment" that Sightline reads, with the indicator of the
 * exploitation checklist each is nearest to. Codes and wording from the DfE CIN census specification's
 * `assessmentfactorstype` (the schema local authorities validate against), as published in
 * SocialFinanceDigitalLabs/liia-tools `liiatools/spec/cin_census/cin-2022.xsd`:
 * 10A missing, 11A child sexual exploitation, 12A trafficking, 13A gangs, 24A child criminal exploitation.
 *
 * `exploitation: true` marks the factors that make a referral an exploitation referral; the others are
 * read only to fill indicators of a referral already in scope (drug misuse and mental health of the child).
 */
export const cinFactors: readonly {
	readonly code: string;
	readonly label: string;
	readonly exploitation: boolean;
	readonly indicator: IndicatorColumn;
}[] = [
	{ code: '10A', label: 'Going or being missing', exploitation: true, indicator: 'ind_missing' },
	{
		code: '11A',
		label: 'Child sexual exploitation',
		exploitation: true,
		indicator: 'ind_concerning_adults'
	},
	{ code: '12A', label: 'Trafficking', exploitation: true, indicator: 'ind_concerning_adults' },
	{ code: '13A', label: 'Gangs', exploitation: true, indicator: 'ind_coercion' },
	{ code: '24A', label: 'Child criminal exploitation', exploitation: true, indicator: 'ind_coercion' },
	{ code: '2A', label: 'Drug misuse by the child', exploitation: false, indicator: 'ind_drugs' },
	{ code: '4A', label: 'Mental health of the child', exploitation: false, indicator: 'ind_mental_health' }
];

/** The factor codes that bring a CIN referral into Sightline's scope. */
export const exploitationFactorCodes: readonly string[] = cinFactors
	.filter((factor) => factor.exploitation)
	.map((factor) => factor.code);

/**
 * The indicators a set of recorded factors marks as present, or null when none is exploitation-related
 * (the referral is out of scope). Codes are compared upper-case and trimmed.
 */
export function indicatorsFromFactors(codes: readonly string[]): Set<IndicatorColumn> | null {
	const recorded = new Set(codes.map((code) => code.trim().toUpperCase()));
	if (!exploitationFactorCodes.some((code) => recorded.has(code))) return null;
	return new Set(cinFactors.filter((factor) => recorded.has(factor.code)).map((factor) => factor.indicator));
}
