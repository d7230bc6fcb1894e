import { enumeration } from './enumeration';

/**
 * Coded vocabularies of the data contract. Codes and aliases follow the DfE Children in Need census
 * (GenderCurrent, ethnicity, referral source) and the SSDA903 Missing table; see shared/domain/README.md §1–2.
 */

export const districts = enumeration([
	{ code: 'cambridge', label: 'Cambridge', aliases: ['Cambridge City', 'E07000008'] },
	{ code: 'east_cambridgeshire', label: 'East Cambridgeshire', aliases: ['East Cambs', 'E07000009'] },
	{ code: 'fenland', label: 'Fenland', aliases: ['E07000010'] },
	{ code: 'huntingdonshire', label: 'Huntingdonshire', aliases: ['Hunts', 'E07000011'] },
	{ code: 'south_cambridgeshire', label: 'South Cambridgeshire', aliases: ['South Cambs', 'E07000012'] },
	{ code: 'peterborough', label: 'Peterborough', aliases: ['Peterborough City', 'E06000031'] }
]);
export type District = (typeof districts.codes)[number];

export const genders = enumeration([
	{ code: 'male', label: 'Male', aliases: ['M', '1', 'Boy'] },
	{ code: 'female', label: 'Female', aliases: ['F', '2', 'Girl'] },
	{ code: 'indeterminate', label: 'Indeterminate', aliases: ['9', 'I', 'Other', 'Non-binary'] },
	{ code: 'not_recorded', label: 'Not recorded', aliases: ['0', 'Not known', 'Unknown', 'U', 'Not stated'] }
]);
export type Gender = (typeof genders.codes)[number];

/** ONS 5 ethnic groups plus unknown, with the CIN 4-letter codes that roll up into each. */
export const ethnicities = enumeration([
	{
		code: 'white',
		label: 'White',
		aliases: [
			'WBRI',
			'WIRI',
			'WIRT',
			'WOTH',
			'WROM',
			'White British',
			'White Irish',
			'Any other White background',
			'Gypsy/Roma',
			'Traveller of Irish heritage'
		]
	},
	{
		code: 'mixed',
		label: 'Mixed or multiple',
		aliases: [
			'MWBC',
			'MWBA',
			'MWAS',
			'MOTH',
			'Mixed',
			'White and Black Caribbean',
			'White and Black African',
			'White and Asian',
			'Any other mixed background'
		]
	},
	{
		code: 'asian',
		label: 'Asian or Asian British',
		aliases: [
			'AIND',
			'APKN',
			'ABAN',
			'AOTH',
			'CHNE',
			'Asian',
			'Indian',
			'Pakistani',
			'Bangladeshi',
			'Chinese',
			'Any other Asian background'
		]
	},
	{
		code: 'black',
		label: 'Black, Black British, Caribbean or African',
		aliases: [
			'BCRB',
			'BAFR',
			'BOTH',
			'Black',
			'Black British',
			'Caribbean',
			'African',
			'Any other Black background'
		]
	},
	{ code: 'other', label: 'Other ethnic group', aliases: ['OOTH', 'Other', 'Any other ethnic group'] },
	{
		code: 'unknown',
		label: 'Unknown',
		aliases: ['REFU', 'NOBT', 'Refused', 'Information not yet obtained', 'Not known', 'Not stated']
	}
]);
export type Ethnicity = (typeof ethnicities.codes)[number];

export const referralSources = enumeration([
	{
		code: 'individual',
		label: 'Individual',
		aliases: ['1A', '1B', '1C', '1D', '1', 'Family', 'Self', 'Acquaintance', 'Individual - family member']
	},
	{ code: 'schools', label: 'Schools', aliases: ['2A', 'School'] },
	{ code: 'education_services', label: 'Education services', aliases: ['2B', 'Education'] },
	{
		code: 'health',
		label: 'Health services',
		aliases: [
			'3A',
			'3B',
			'3C',
			'3D',
			'3E',
			'3F',
			'3',
			'Health',
			'GP',
			'Health visitor',
			'School nurse',
			'A&E'
		]
	},
	{ code: 'housing', label: 'Housing', aliases: ['4', 'Housing'] },
	{
		code: 'la_services',
		label: 'Local authority services',
		aliases: [
			'5A',
			'5B',
			'5C',
			'5D',
			'5',
			'Social care',
			'Early help',
			'Youth offending',
			'YOS',
			'LA services'
		]
	},
	{ code: 'police', label: 'Police', aliases: ['6'] },
	{ code: 'other_legal', label: 'Other legal agency', aliases: ['7'] },
	{ code: 'other', label: 'Other', aliases: ['8'] },
	{ code: 'anonymous', label: 'Anonymous', aliases: ['9'] },
	{ code: 'unknown', label: 'Unknown', aliases: ['10', 'Not known'] }
]);
export type ReferralSource = (typeof referralSources.codes)[number];

/**
 * Level recorded against each indicator. The risk management tool rates each section High / Medium / Low;
 * extracts that carry only a Y/N flag map to `present` / `none`. Prevalence counts any level except none/not assessed.
 */
export const indicatorLevels = enumeration([
	{ code: 'none', label: 'None', aliases: ['N', 'No', 'Absent', 'False', '0', 'Not present'] },
	{ code: 'low', label: 'Low', aliases: ['L'] },
	{ code: 'medium', label: 'Medium', aliases: ['Med', 'Moderate'] },
	{ code: 'high', label: 'High', aliases: ['H'] },
	{ code: 'present', label: 'Present (level not given)', aliases: ['Y', 'Yes', 'True', '1', 'Present'] },
	{ code: 'not_assessed', label: 'Not assessed', aliases: ['NA', 'N/A', 'Not known', 'Unknown'] }
]);
export type IndicatorLevel = (typeof indicatorLevels.codes)[number];
/** Levels that count as the indicator being present. */
export const presentLevels: readonly IndicatorLevel[] = ['low', 'medium', 'high', 'present'];

export const riskLevels = enumeration([
	{ code: 'low', label: 'Low', aliases: ['L', '1'] },
	{ code: 'medium', label: 'Medium', aliases: ['M', 'Med', 'Moderate', '2'] },
	{ code: 'high', label: 'High', aliases: ['H', '3'] },
	{ code: 'not_assessed', label: 'Not assessed', aliases: ['Not known', 'Unknown', 'NA'] }
]);
export type RiskLevel = (typeof riskLevels.codes)[number];

/**
 * Furthest point reached on the guidance's pathway (section 3–4): MASH referral with the Child Exploitation
 * Checklist, the central list, the MASE meeting, the LSCB Child Exploitation risk management tool. Ordered.
 */
export const pathwayStages = enumeration([
	{ code: 'mash_referral', label: 'MASH referral', aliases: ['MASH', 'Referred to MASH', 'Referral'] },
	{
		code: 'checklist_completed',
		label: 'Child Exploitation Checklist completed',
		aliases: ['Checklist', 'Checklist completed', 'CE Checklist']
	},
	{ code: 'central_list', label: 'Added to the central list', aliases: ['Central list', 'On central list'] },
	{ code: 'mase_discussed', label: 'Discussed at MASE', aliases: ['MASE', 'MASE discussed', 'MASE meeting'] },
	{
		code: 'risk_tool_completed',
		label: 'Risk management tool completed',
		aliases: ['Risk tool', 'Risk management tool', 'Risk tool completed']
	}
]);
export type PathwayStage = (typeof pathwayStages.codes)[number];

/** The guidance's three kinds of intervention programme (section 4), plus none yet. */
export const interventionKinds = enumeration([
	{ code: 'none', label: 'No intervention recorded', aliases: ['None', 'No', 'N'] },
	{
		code: 'deter',
		label: 'Deterring from early signs',
		aliases: ['Deter', 'Deterring', 'Early signs', 'Prevention', '1']
	},
	{
		code: 'understand',
		label: 'Understanding impact of weapons and drugs',
		aliases: ['Understand', 'Understanding', 'Awareness', '2']
	},
	{
		code: 'disrupt',
		label: 'Supporting those already involved',
		aliases: ['Already involved', 'Disrupt', 'Exit', 'Intensive', '3']
	}
]);
export type InterventionKind = (typeof interventionKinds.codes)[number];

/** SSDA903 Missing table: M = missing, A = away from placement without authorisation. */
export const episodeTypes = enumeration([
	{ code: 'missing', label: 'Missing', aliases: ['M'] },
	{ code: 'away', label: 'Away without authorisation', aliases: ['A', 'Away', 'Absent'] }
]);
export type EpisodeType = (typeof episodeTypes.codes)[number];

/** Yes/no spellings shared by every boolean field. */
export const yesNo = {
	yes: ['Y', 'Yes', 'True', 'T', '1', 'a) Yes'],
	no: ['N', 'No', 'False', 'F', '0', 'b) No']
} as const;
