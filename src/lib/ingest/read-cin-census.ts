import { indicators, referrals } from '../contract';
import { indicatorsFromFactors } from './cin-factors';
import type { RawCell, RawRow, RawTable } from './raw-table';
import { children, descendants, text, type XmlElement } from './xml-tree';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Reads a DfE CIN census return (`<Message>` → `<Children>` → `<Child>` → one `<CINdetails>` per referral)
 * as a referrals table. Every referral is read: those whose assessments record an exploitation-related
 * factor (see `cin-factors.ts`) become rows, the rest are counted as out of scope, so read = loaded +
 * rejected + out of scope. The child's identifiers and characteristics are repeated on each of its
 * referrals; the local authority (`<LEA>`) is the file's area (see `RecognisedFormat.area`). Rows are numbered in document order of
 * referrals; XML has no line numbers here.
 */
export function readCinCensus(message: XmlElement, totalBytes: number): RawTable {
	const la = text(message, 'Header', 'Source', 'LEA');
	const headers = [
		'LAchildID',
		'CINreferralDate',
		'PersonBirthDate',
		'GenderCurrent',
		'Ethnicity',
		'ReferralSource',
		...indicators.map((indicator) => referrals.field(indicator.column).label)
	];
	const rows: RawRow[] = [];
	const childCount = descendants(message, 'Children', 'Child').length;
	let referralCount = 0;
	let outOfScope = 0;
	for (const child of descendants(message, 'Children', 'Child') as XmlElement[]) {
		const identifiers = children(child, 'ChildIdentifiers')[0];
		const characteristics = children(child, 'ChildCharacteristics')[0];
		for (const details of children(child, 'CINdetails')) {
			referralCount++;
			const factors = descendants(
				details,
				'Assessments',
				'FactorsIdentifiedAtAssessment',
				'AssessmentFactors'
			).filter((node): node is string => typeof node === 'string');
			const present = indicatorsFromFactors(factors);
			if (present === null) {
				outOfScope++;
				continue;
			}
			const cells: RawCell[] = [
				text(identifiers, 'LAchildID'),
				text(details, 'CINreferralDate'),
				text(identifiers, 'PersonBirthDate'),
				text(identifiers, 'GenderCurrent'),
				text(characteristics, 'Ethnicity'),
				text(details, 'ReferralSource'),
				...indicators.map((indicator) => (present.has(indicator.column) ? 'Present' : null))
			];
			rows.push({ cells, row: rows.length + 1, line: null, problem: null });
		}
	}
	const notes = [
		`CIN census return${la ? ` of local authority ${la}` : ''}: ${plural(referralCount, 'referral')} of ${plural(childCount, 'child', 'children')} read; ${referralCount - outOfScope} with an exploitation-related assessment factor, ${outOfScope} without.`
	];
	return {
		format: 'xml',
		headers,
		encoding: null,
		delimiter: null,
		sheet: null,
		notes,
		totalBytes,
		recognised: {
			id: 'cin-census-xml',
			label: 'CIN census return (XML)',
			loadsAs: 'referrals',
			use: 'Referrals whose assessment records child sexual or criminal exploitation, gangs, trafficking or going missing load as exploitation referrals; the referral ID is derived from the child and the referral date.',
			// The return is one local authority's: its DfE LA number is the area of every row, when the area
			// reference knows it (a unitary authority's number, e.g. "LA 874" for Peterborough).
			areaNotRecorded: true,
			...(la === null ? {} : { area: `LA ${la}` })
		},
		outOfScope: {
			count: outOfScope,
			reason:
				'children-in-need referrals with no exploitation-related assessment factor (10A, 11A, 12A, 13A, 24A)'
		},
		batches: (async function* () {
			yield { rows, bytesRead: totalBytes };
		})()
	};
}
