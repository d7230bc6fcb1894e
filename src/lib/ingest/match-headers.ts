import type { Field, TableContract } from '../contract';
import { tables, type TableName } from '../contract';
import { ageRule } from './age-rule';
import { columnLetter, columnReference } from './column-letter';
import { editDistance } from './edit-distance';
import type { MappingProfile } from './mapping-profile';
import { normaliseKey } from './normalise-key';
import type { RawCell } from './raw-table';

/** How a heading was matched to a field, best first; anything but `exact` or `profile` deserves a glance. */
export type MatchHow = 'profile' | 'exact' | 'decorated' | 'words' | 'close' | 'constant' | 'derived';

export interface ColumnMatch {
	readonly field: string;
	/** 0-based index of the column in the file. */
	readonly index: number;
	/** The heading as written in the file. */
	readonly header: string;
	readonly how: MatchHow;
	/**
	 * A value not read from one cell: a constant for the whole file (District = "Fenland") or an identifier
	 * derived from other cells (child + start date). `index` is then -1 and `header` says what it is.
	 */
	readonly derive?: (cells: readonly RawCell[]) => RawCell;
	/** Why a derived value can be missing, said instead of "the cell is empty" (there is no cell). */
	readonly missingReason?: string;
}

/** Which column of the file feeds which contract field, and what could not be decided. */
export interface HeaderMatch {
	readonly table: TableName;
	/** Matched columns in contract order (the table's fields, then input-only fields such as date of birth). */
	readonly columns: readonly ColumnMatch[];
	/** Required fields no column feeds: the UI opens its mapping step for these. */
	readonly missingRequired: readonly string[];
	/** Fields that two or more columns match equally well (e.g. two "District" columns): the user must choose. */
	readonly ambiguous: readonly { readonly field: string; readonly headers: readonly string[] }[];
	/** Headings that occur more than once, with their column letters. */
	readonly duplicateHeaders: readonly { readonly header: string; readonly columns: readonly string[] }[];
	/** Headings not used, so the user can see that nothing was silently taken (or lost). */
	readonly ignored: readonly string[];
	/** Plain-English remarks on the mapping (fuzzy matches, profile columns not found). */
	readonly notes: readonly string[];
}

const stopWords = new Set(['a', 'an', 'and', 'or', 'the', 'of', 'with', 'to', 'in', 'for', 'on', 'at', 'by']);

/**
 * A heading without Annex A decoration: leading numbering ("1.", "a)", "Q12:"), a trailing bracket
 * ("(Y/N)", "[dd/mm/yyyy]") and trailing marks ("*", "?", ":").
 */
function undecorated(header: string): string {
	return header
		.replace(/^\s*(?:q(?:uestion)?\s*)?(?:\d{1,3}|[a-z])\s*[.):]\s*/i, '')
		.replace(/\s*[([][^)\]]*[)\]]\s*$/, '')
		.replace(/[\s*?:]+$/, '');
}

/** Words of a heading, order- and stop-word-insensitive: "detachment, lack of trust with family and peers". */
const wordKey = (text: string): string =>
	[
		...new Set(
			text
				.normalize('NFKD')
				.toLowerCase()
				.split(/[^a-z0-9]+/)
				.filter((word) => word !== '' && !stopWords.has(word))
		)
	]
		.sort()
		.join(' ');

/** Edits tolerated for a key of this length: none for short keys, where a typo is another word. */
const typoLimit = (length: number) => (length >= 20 ? 3 : length >= 10 ? 2 : length >= 6 ? 1 : 0);

interface Spelling {
	readonly key: string;
	readonly words: string;
	/** 0 for the field's name and label, then the alias position: earlier aliases are preferred. */
	readonly rank: number;
}

/** Every spelling a field answers to: its name, its label and its aliases (indicators add guidance wording). */
function spellings(field: Field): Spelling[] {
	return [field.name, field.label, ...field.aliases].map((text, index) => ({
		key: normaliseKey(text),
		words: wordKey(text),
		rank: Math.max(0, index - 1)
	}));
}

const tiers: Record<Exclude<MatchHow, 'profile' | 'constant' | 'derived'>, number> = {
	exact: 0,
	decorated: 1,
	words: 2,
	close: 3
};

/** Best score (lower is better) of a heading against a field, or null when they do not match. */
function score(header: string, field: Field): { score: number; how: MatchHow } | null {
	const key = normaliseKey(header);
	if (key === '') return null;
	const plain = undecorated(header);
	const plainKey = normaliseKey(plain);
	const plainWords = wordKey(plain);
	let best: { score: number; how: MatchHow } | null = null;
	const offer = (how: keyof typeof tiers, value: number) => {
		const total = tiers[how] * 1000 + value;
		if (!best || total < best.score) best = { score: total, how };
	};
	for (const spelling of spellings(field)) {
		if (key === spelling.key) offer('exact', spelling.rank);
		else if (plainKey === spelling.key) offer('decorated', spelling.rank);
		else if (plainWords.includes(' ') && plainWords === spelling.words) offer('words', spelling.rank);
		else {
			const limit = typoLimit(Math.min(plainKey.length, spelling.key.length));
			if (limit > 0) {
				const distance = editDistance(plainKey, spelling.key, limit);
				if (distance <= limit) offer('close', distance * 100 + spelling.rank);
			}
		}
	}
	return best;
}

/**
 * Matches a file's headings to a table of the contract: case-, space- and punctuation-insensitively through
 * each field's name, label and aliases, then without Annex A numbering and brackets, then by the same words
 * in any order, then within a typo or two. Each column feeds at most one field and each field takes its best
 * column; a tie between columns is reported as ambiguous rather than guessed. A profile's choices come first.
 */
export function matchHeaders(
	headers: readonly string[],
	tableName: TableName,
	profile?: Pick<MappingProfile, 'columns'>
): HeaderMatch {
	const table: TableContract = tables[tableName];
	const fields: readonly Field[] = [...table.fields, ...table.inputOnly];
	const keys = headers.map(normaliseKey);
	const assigned = new Map<string, ColumnMatch>();
	const usedColumns = new Set<number>();
	const notes: string[] = [];

	for (const [fieldName, source] of Object.entries(profile?.columns ?? {})) {
		const reference = columnReference(source);
		const index = reference ?? keys.indexOf(normaliseKey(source));
		// A column the profile already gave to another field may feed this one too (one column, two fields).
		if (index === -1 || index >= headers.length) {
			notes.push(`The mapping profile takes ${fieldName} from "${source}", which this file does not have.`);
			continue;
		}
		assigned.set(fieldName, { field: fieldName, index, header: headers[index]!, how: 'profile' });
		usedColumns.add(index);
	}

	const candidates: { index: number; field: Field; score: number; how: MatchHow }[] = [];
	headers.forEach((header, index) => {
		if (usedColumns.has(index)) return;
		for (const field of fields) {
			if (assigned.has(field.name)) continue;
			const match = score(header, field);
			if (match) candidates.push({ index, field, ...match });
		}
	});
	candidates.sort((a, b) => a.score - b.score || a.index - b.index);

	const ambiguous: { field: string; headers: string[] }[] = [];
	const blocked = new Set<string>();
	for (const candidate of candidates) {
		const { field, index } = candidate;
		if (assigned.has(field.name) || blocked.has(field.name) || usedColumns.has(index)) continue;
		const rivals = candidates.filter(
			(other) =>
				other.field === field &&
				other.score === candidate.score &&
				other.index !== index &&
				!usedColumns.has(other.index)
		);
		if (rivals.length > 0) {
			const indexes = [index, ...rivals.map((rival) => rival.index)];
			ambiguous.push({
				field: field.name,
				headers: indexes.map((i) => `${headers[i]} (column ${columnLetter(i)})`)
			});
			blocked.add(field.name);
			for (const i of indexes) usedColumns.add(i);
			continue;
		}
		assigned.set(field.name, { field: field.name, index, header: headers[index]!, how: candidate.how });
		usedColumns.add(index);
		if (candidate.how === 'close' || candidate.how === 'words') {
			notes.push(`"${headers[index]}" was taken as ${field.label} (a close match): check it is right.`);
		}
	}

	const columns = fields.flatMap((field) => {
		const match = assigned.get(field.name);
		return match ? [match] : [];
	});
	const rule = ageRule(table);
	const ageFromBirth = rule !== null && assigned.has(rule.dateOfBirth.name);
	const ambiguousNames = new Set(ambiguous.map((entry) => entry.field));
	const missingRequired = table.fields
		.filter((field) => field.required && !assigned.has(field.name) && !ambiguousNames.has(field.name))
		.filter((field) => !(ageFromBirth && field.name === rule?.age.name))
		.map((field) => field.name);

	const byKey = new Map<string, number[]>();
	keys.forEach((key, index) => {
		if (key !== '') byKey.set(key, [...(byKey.get(key) ?? []), index]);
	});
	const duplicateHeaders = [...byKey.values()]
		.filter((indexes) => indexes.length > 1)
		.map((indexes) => ({ header: headers[indexes[0]!]!, columns: indexes.map(columnLetter) }));

	const ignored = headers.flatMap((header, index) =>
		usedColumns.has(index) ? [] : [header === '' ? `(blank heading, column ${columnLetter(index)})` : header]
	);
	return { table: tableName, columns, missingRequired, ambiguous, duplicateHeaders, ignored, notes };
}
