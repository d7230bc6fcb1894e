import type { IngestResult } from './ingest-file';
import { csvCell } from '$lib/format/csv-cell';
import type { Issue } from './issue';

const header = ['kind', 'file', 'data row', 'line', 'column', 'value', 'reason'];

const issueRow = (kind: string, issue: Issue) => [
	kind,
	issue.file,
	issue.row,
	issue.line ?? '',
	issue.column,
	issue.value,
	issue.reason
];

/**
 * The validation report as CSV for download: one summary row per file (read, loaded, rejected, out of scope
 * when there is any, warnings),
 * then every rejection and every warning with data row, line, column, value and reason. UTF-8 with a BOM
 * and CRLF, so Excel opens it with £ and ’ intact.
 */
export function reportToCsv(result: Pick<IngestResult, 'files' | 'rejected' | 'warnings'>): string {
	const rows: (string | number)[][] = [header];
	for (const file of result.files) {
		const warnings = result.warnings.filter((issue) => issue.file === file.name).length;
		rows.push([
			'summary',
			file.name,
			'',
			'',
			'',
			'',
			`read ${file.read}, loaded ${file.loaded}, rejected ${file.rejectedRows}${file.outOfScope > 0 ? `, out of scope ${file.outOfScope}` : ''}, warnings ${warnings}`
		]);
	}
	for (const issue of result.rejected) rows.push(issueRow('rejected', issue));
	for (const issue of result.warnings) rows.push(issueRow('warning', issue));
	return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
