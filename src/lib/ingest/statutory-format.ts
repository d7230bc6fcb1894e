import type { TableName } from '../contract';
import { normaliseKey } from './normalise-key';
import { populationColumns } from './population-columns';

/** The statutory and official formats Sightline recognises by their structure. */
export type StatutoryFormatId =
	| 'ssda903-header'
	| 'ssda903-episodes'
	| 'ssda903-missing'
	| 'ssda903-xml'
	| 'cin-census-xml'
	| 'annex-a-workbook'
	| 'ons-population';

/** What a file is and what Sightline does with it, said once for the user. */
export interface RecognisedFormat {
	readonly id: StatutoryFormatId;
	/** What it is, as the user would name it: "SSDA903 Missing table". */
	readonly label: string;
	/**
	 * Where its rows go: a contract table, the population reference, `reference` (an SSDA903 Header or
	 * Episodes table, which fills fields of the missing episodes rather than loading rows), or nowhere.
	 */
	readonly loadsAs: TableName | 'population' | 'reference' | null;
	/** What Sightline does with it, in one or two sentences. */
	readonly use: string;
	/**
	 * Values the format implies for every row, as cell text the field parser reads (children in an SSDA903
	 * return are looked after). A mapping profile's constants come after, so the user can override them.
	 */
	readonly constants?: Readonly<Record<string, string>>;
	/**
	 * The file has no district column: its rows take the file's own area (`area`) when the area reference
	 * knows it, else load as "area not recorded" (or, on the Data page, the mapping step asks once).
	 */
	readonly areaNotRecorded?: boolean;
	/** The file's own area as the return states it, e.g. a CIN census header's local authority ("LA 874"). */
	readonly area?: string;
}

/** Records read but outside Sightline's scope, so read = loaded + rejected + out of scope. */
export interface OutOfScope {
	readonly count: number;
	readonly reason: string;
}

const ssda903Use =
	'Its rows are not episodes: they fill the missing episodes of the same children (matched by CHILD), whether the SSDA903 Missing table is loaded before, with or after it.';

/** The formats recognised from a heading row alone, with the headings (normalised) that identify each. */
/** Each entry of `all` must be present: a heading, or any one of a list of alternatives. */
const byHeadings: readonly (RecognisedFormat & {
	readonly all: readonly (string | readonly string[])[];
	readonly none?: readonly string[];
})[] = [
	{
		id: 'ssda903-missing',
		label: 'SSDA903 Missing table',
		loadsAs: 'missing_episodes',
		use: 'It loads as missing episodes: the episode ID is derived from the child and the start date, and the children are looked after (they are in an SSDA903 return) unless the return’s Episodes table has a child out of care on the day. Its Header table adds sex and age.',
		constants: { looked_after: 'Yes' },
		areaNotRecorded: true,
		all: ['child', 'missing', 'misstart']
	},
	{
		id: 'ssda903-episodes',
		label: 'SSDA903 Episodes table',
		loadsAs: 'reference',
		use: `It records each child's periods of care, which give whether a missing episode began while the child was looked after. ${ssda903Use}`,
		all: ['child', 'decom', 'rne', 'ls']
	},
	{
		id: 'ssda903-header',
		label: 'SSDA903 Header table',
		loadsAs: 'reference',
		use: `It holds each looked-after child's sex and date of birth, which give the sex and the age at the start of a missing episode. ${ssda903Use}`,
		all: ['child', 'sex', 'dob'],
		none: ['misstart', 'decom']
	}
];

/**
 * Recognises a statutory table from its headings (SSDA903 Header, Episodes and Missing by their column sets;
 * an ONS or Nomis mid-year estimate by its area code and single years of age, see `populationColumns`), so the file is loaded as what
 * it is, or the user is told what it is, rather than mapped as referrals because "CHILD" looks like a child ID.
 */
export function recogniseHeadings(headers: readonly string[]): RecognisedFormat | null {
	const keys = new Set(headers.map(normaliseKey));
	for (const { all, none, ...format } of byHeadings) {
		const present = (key: string | readonly string[]) =>
			typeof key === 'string' ? keys.has(key) : key.some((alternative) => keys.has(alternative));
		if (all.every(present) && !(none ?? []).some((key) => keys.has(key))) return format;
	}
	const population = populationColumns(headers);
	if (population === null) return null;
	return {
		id: 'ons-population',
		label: `ONS mid-year population estimates${population.layout === 'long' ? ' (long layout)' : ''}`,
		loadsAs: 'population',
		use: 'It is a population reference: children by area, sex and single year of age 0 to 17, the denominators of rates per 10,000 children.'
	};
}

/** An Ofsted Annex A workbook: its sheets are "List 1" … "List 11" (names vary a little between years). */
export function recogniseWorkbook(sheets: readonly string[]): RecognisedFormat | null {
	const lists = sheets.filter((sheet) => /^list\s*\d{1,2}\b/i.test(sheet.trim()));
	if (lists.length < 3) return null;
	return {
		id: 'annex-a-workbook',
		label: `Ofsted Annex A workbook (${lists.length} lists)`,
		loadsAs: null,
		use: `Each list is a different record (List 3 holds referrals). Choose the list and what it holds: on the command line --sheet "List 3" --table referrals. Sheets: ${sheets.map((sheet) => `"${sheet}"`).join(', ')}.`
	};
}
