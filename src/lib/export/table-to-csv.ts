import { csvCell } from '$lib/format/csv-cell';
import { metadataLines, type ExportMetadata } from './export-metadata';

export interface CsvColumn {
	key: string;
	label: string;
	format?: (value: unknown, row: object) => string;
}

/**
 * Exactly the rows and columns a chart's table view shows, as CSV: metadata lines first (title, filters,
 * source, data as at, publication mode), a blank line, then the table. UTF-8 BOM and CRLF for Excel; cells
 * are protected against formula injection.
 */
export function tableToCsv(
	meta: ExportMetadata,
	columns: readonly CsvColumn[],
	rows: readonly object[]
): string {
	const lines = metadataLines(meta).map((line) => csvCell(line));
	lines.push('');
	lines.push(columns.map((column) => csvCell(column.label)).join(','));
	for (const row of rows) {
		const record = row as Record<string, unknown>;
		lines.push(
			columns
				.map((column) => {
					const value = record[column.key];
					// Publication mode: a suppressed count travels as its GSS symbol, never as a blank.
					const symbol = (row as { suppressed?: Record<string, string> }).suppressed?.[column.key];
					if (value === null && symbol !== undefined) return csvCell(symbol);
					const text = column.format
						? column.format(value, row)
						: value === null || value === undefined
							? ''
							: String(value);
					return typeof value === 'number' && !column.format ? String(value) : csvCell(text);
				})
				.join(',')
		);
	}
	return `\uFEFF${lines.join('\r\n')}\r\n`;
}
