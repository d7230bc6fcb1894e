import {
	booleanField,
	dateOfBirthField,
	dateField,
	enumField,
	integerField,
	tableContract,
	textField,
	type RowOf
} from './field';
import { indicators } from './indicators';
import {
	districts,
	ethnicities,
	genders,
	indicatorLevels,
	interventionKinds,
	pathwayStages,
	referralSources,
	riskLevels
} from './vocabulary';

const indicatorFields = indicators.map((indicator) =>
	enumField(indicator.column, {
		label: indicator.label,
		description: `Level recorded for the indicator “${indicator.label}” on the Child Exploitation Checklist or risk management tool.`,
		required: false,
		// The short label is what the app prints on charts ("Coercive relationships"): a heading copied from
		// there must be recognised too. Derived, not listed again in indicators.ts.
		aliases: [...new Set([indicator.short, ...indicator.aliases])],
		values: indicatorLevels,
		fallback: 'not_assessed'
	})
);

export const referralFields = [
	textField('referral_id', {
		label: 'Referral ID',
		description: 'Unique identifier of the referral in the source system.',
		required: true,
		maxLength: 64,
		aliases: [
			'Referral ID',
			'Referral Reference',
			'Referral Ref',
			'Referral Number',
			'CINreferralID',
			'Contact ID',
			'Ref'
		]
	}),
	textField('child_id', {
		label: 'Child ID (pseudonymous)',
		description:
			'Pseudonymous identifier of the child, stable across extracts so repeat referrals can be counted (e.g. HMAC-SHA256 of the local ID).',
		required: true,
		maxLength: 128,
		aliases: [
			'Child Unique ID',
			'CHILD',
			'LAchildID',
			'Child ID',
			'Person ID',
			'Pseudo ID',
			'Client ID',
			'UPN'
		]
	}),
	dateField('referral_date', {
		label: 'Referral date',
		description: 'Date the referral was received by the MASH.',
		required: true,
		// Sightline's extracts start in the 2000s: anything earlier is a blank or zero cell formatted as a date.
		plausibleFrom: '2000-01-01',
		aliases: ['Date of Referral', 'CINreferralDate', 'Referral Date', 'Date Referred', 'Contact Date']
	}),
	integerField('age_at_referral', {
		label: 'Age at referral',
		description:
			'Age in whole years on the referral date. Computed from a date of birth when the extract has one.',
		required: true,
		min: 0,
		// 18–24 are allowed without a warning: the guidance follows care leavers up to 25.
		max: 24,
		aliases: ['Age at Referral', 'Age', 'Age at Contact', 'Age (years)']
	}),
	enumField('gender', {
		label: 'Gender',
		description: 'Gender as recorded (CIN GenderCurrent: 1 male, 2 female, 9 indeterminate, 0 not recorded).',
		required: true,
		values: genders,
		aliases: ['Gender', 'SEX', 'GenderCurrent', 'Gender Current']
	}),
	enumField('ethnicity', {
		label: 'Ethnicity',
		description: 'ONS five-group ethnicity, rolled up from CIN four-letter codes.',
		required: false,
		values: ethnicities,
		fallback: 'unknown',
		aliases: ['Ethnicity', 'ETHNIC', 'Ethnic Group', 'Ethnic Origin', 'Ethnicity Code']
	}),
	booleanField('looked_after', {
		label: 'Looked after',
		description: 'Whether the child was looked after by the local authority at the referral date.',
		required: false,
		aliases: [
			'Looked After',
			'CLA',
			'LAC',
			'Child Looked After',
			'Looked After Child',
			'CLA Status',
			'In Care'
		]
	}),
	enumField('district', {
		label: 'District',
		description:
			'District of the child’s home address (or placement, for looked-after children placed in area).',
		required: true,
		values: districts,
		aliases: ['District', 'Locality', 'Area', 'Local Authority District', 'LAD', 'District Council']
	}),
	enumField('referral_source', {
		label: 'Referral source',
		description: 'Who made the referral (CIN referral source codes 1A–10, grouped).',
		required: false,
		values: referralSources,
		fallback: 'unknown',
		aliases: ['Referral Source', 'Contact Source', 'Source of Referral', 'CINreferralSource', 'Referrer']
	}),
	...indicatorFields,
	enumField('risk_level', {
		label: 'Overall risk level',
		description: 'Overall level from the LSCB Child Exploitation risk management tool.',
		required: false,
		values: riskLevels,
		fallback: 'not_assessed',
		aliases: ['Risk Level', 'Overall Risk', 'Overall Risk Level', 'Risk Rating', 'Risk']
	}),
	enumField('pathway_stage', {
		label: 'Pathway stage',
		description:
			'Furthest point reached: MASH referral, checklist completed, central list, MASE discussed, risk tool completed.',
		required: false,
		values: pathwayStages,
		aliases: ['Pathway Stage', 'Stage', 'Current Stage', 'Status', 'Outcome']
	}),
	enumField('intervention', {
		label: 'Intervention',
		description: 'Kind of intervention programme offered, following the guidance’s three kinds.',
		required: false,
		values: interventionKinds,
		aliases: ['Intervention', 'Intervention Type', 'Intervention Kind', 'Programme', 'Intervention Programme']
	}),
	booleanField('nrm_referral', {
		label: 'NRM referral',
		description: 'Whether the child was referred to the National Referral Mechanism.',
		required: false,
		aliases: ['NRM Referral', 'NRM', 'Referred to NRM', 'National Referral Mechanism']
	}),
	integerField('missing_episodes_12m', {
		label: 'Missing episodes (last 12 months)',
		description: 'Number of missing episodes in the 12 months before the referral.',
		required: false,
		min: 0,
		max: 500,
		aliases: [
			'Missing Episodes',
			'Missing Episodes 12m',
			'Missing Episodes in Last 12 Months',
			'Number of Missing Episodes'
		]
	})
] as const;

export const referrals = tableContract({
	name: 'referrals',
	label: 'Referrals',
	description: 'One row per exploitation referral received by the MASH.',
	fields: referralFields,
	inputOnly: [dateOfBirthField('referral')]
});
export type Referral = RowOf<typeof referralFields>;
