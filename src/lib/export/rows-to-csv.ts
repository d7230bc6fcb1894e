import { tables, type TableName } from '$lib/contract';
import type { ExportMetadata } from './export-metadata';
import { tableToCsv } from './table-to-csv';

/**
 * Rows of a contract table as CSV: the metadata lines every export carries, then a header of the contract's
 * own column names (what Load data recognises first), so an exported file loads back unchanged.
 */
export function rowsToCsv(meta: ExportMetadata, table: TableName, rows: readonly object[]): string {
	const columns = tables[table].fields.map((field) => ({ key: field.name, label: field.name }));
	return tableToCsv(meta, columns, rows);
}
