import { tables, type TableName } from '../contract';
import { matchHeaders } from './match-headers';

export interface TableGuess {
	/** The table the headings fit best, or null when no heading matches any table. */
	readonly table: TableName | null;
	/** Per table: 2 per required field matched plus 1 per optional field, so the UI can explain the choice. */
	readonly scores: Readonly<Record<TableName, number>>;
}

/**
 * Recognises which table a file holds from its headings: a missing-episodes extract (CHILD, MISSING,
 * MIS_START, MIS_END) matches more of that table's required fields than of the referrals table. Ties go to
 * the first table of the contract. The user can override the choice.
 */
export function detectTable(headers: readonly string[]): TableGuess {
	const names = Object.keys(tables) as TableName[];
	const scores = Object.fromEntries(
		names.map((name) => {
			const matched = new Set(matchHeaders(headers, name).columns.map((column) => column.field));
			const fields = [...tables[name].fields, ...tables[name].inputOnly];
			return [
				name,
				fields.reduce((sum, field) => sum + (matched.has(field.name) ? (field.required ? 2 : 1) : 0), 0)
			];
		})
	) as Record<TableName, number>;
	const best = names.reduce((a, b) => (scores[b] > scores[a] ? b : a));
	return { table: scores[best] > 0 ? best : null, scores };
}
