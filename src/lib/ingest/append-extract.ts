import { tables } from '../contract';
import {
	ingestFile,
	type IngestOptions,
	type IngestOutcome,
	type IngestResult,
	type SourceFile
} from './ingest-file';
import { keyField } from './key-field';
import { concatColumns } from './loaded-column';

/** Every identifier in loaded data, with the file it came from (for "already loaded from …" messages). */
export function loadedIds(result: IngestResult): Map<string, string> {
	const column = result.columns[keyField(tables[result.table]).name];
	const ids = column?.kind === 'text' ? column.values : [];
	const origins = new Map<string, string>();
	let offset = 0;
	for (const file of result.files) {
		for (let index = offset; index < offset + file.loaded; index++) {
			const id = ids[index];
			if (typeof id === 'string') origins.set(id, file.name);
		}
		offset += file.loaded;
	}
	return origins;
}

/** Loaded data of two loads of the same table, one after the other, with their accounts added up. */
export function combineResults(first: IngestResult, second: IngestResult): IngestResult {
	if (first.table !== second.table) {
		throw new Error(`Cannot append ${second.table} to ${first.table}: they are different tables`);
	}
	const columns = Object.fromEntries(
		Object.entries(first.columns).map(([name, column]) => [
			name,
			concatColumns(column, second.columns[name]!)
		])
	);
	const ranges = [first.dateRange, second.dateRange].filter((range) => range !== null);
	const dateRange =
		ranges.length === 0
			? null
			: {
					field: ranges[0]!.field,
					min: ranges.map((range) => range.min).reduce((a, b) => (b < a ? b : a)),
					max: ranges.map((range) => range.max).reduce((a, b) => (b > a ? b : a))
				};
	return {
		table: first.table,
		files: [...first.files, ...second.files],
		columns,
		read: first.read + second.read,
		loaded: first.loaded + second.loaded,
		rejectedRows: first.rejectedRows + second.rejectedRows,
		outOfScope: first.outOfScope + second.outOfScope,
		blankRows: first.blankRows + second.blankRows,
		rejected: [...first.rejected, ...second.rejected],
		warnings: [...first.warnings, ...second.warnings],
		dateRange,
		...(first.enrichments || second.enrichments
			? { enrichments: [...(first.enrichments ?? []), ...(second.enrichments ?? [])] }
			: {})
	};
}

/** Outcome of appending: when loaded, `added` is this file alone (to insert) and `result` the combined data. */
export type AppendOutcome =
	| Exclude<IngestOutcome, { status: 'loaded' }>
	| (Extract<IngestOutcome, { status: 'loaded' }> & { readonly added: IngestResult });

/**
 * Appends another monthly extract to loaded data of the same table: its rows are checked against the
 * identifiers already loaded, so a referral in both January's and February's extract is counted once and
 * the repeat is rejected as a duplicate with the file it was first loaded from.
 */
export async function appendExtract(
	previous: IngestResult,
	file: SourceFile,
	options: Omit<IngestOptions, 'table' | 'knownIds'> = {}
): Promise<AppendOutcome> {
	const outcome = await ingestFile(file, {
		...options,
		table: previous.table,
		knownIds: loadedIds(previous)
	});
	if (outcome.status !== 'loaded') return outcome;
	return { ...outcome, added: outcome.result, result: combineResults(previous, outcome.result) };
}
