/**
 * How many rows a browser tab can load from one file (issue 14), by format: the staged path reads them
 * differently. DuckDB-WASM's memory is 32-bit wasm, at most 4 GB (3.1 GiB of it DuckDB's own limit), and it
 * cannot spill to disk, so every table and every statement's working memory must fit in it at once.
 *
 * - Parquet is read one row group at a time into a compressed staging table, and the facts are written in
 *   date slices (`ingest-staged.ts`, `sql/derived.ts`): measured with `npm run bench -- browser-memory`, the
 *   10M-referral Parquet loads, the renderer at 3.19 GB at its peak (the README's "Outgrowing the browser").
 * - A CSV larger than 32 MB is read by DuckDB's reader in pieces cut at line ends (`csv-pieces.ts`), each
 *   appended to the compressed staging table before the next, so the reader never holds more than a piece's
 *   rows uncompressed: measured, the renderer grows by about 270 bytes a row at its peak (5M rows: 0.61 →
 *   1.96 GB), and the 10M-referral CSV loads (the README's "Outgrowing the browser").
 */
export const browserRowBudget: Readonly<Record<'csv' | 'parquet', number>> = {
	csv: 10_000_000,
	parquet: 10_000_000
};

/**
 * How far a row estimate from a file's size may run over its budget before the file is refused: a
 * contract-layout extract of 10M rows has identifiers a character longer than the 1M extract the bytes per
 * row were measured on (185 bytes a CSV row, not 184), so the 10M CSV that loads is estimated at 10.06M.
 */
const estimateSlack = 1.01;

/**
 * Bytes per row of a file in the contract's layout (the generator's 1M extract: 184,173,291 bytes of CSV,
 * 25,992,223 of Parquet), to estimate a file's rows from its size before reading any of it.
 */
const formats: Readonly<Record<string, { budget: keyof typeof browserRowBudget; bytesPerRow: number }>> = {
	csv: { budget: 'csv', bytesPerRow: 184 },
	tsv: { budget: 'csv', bytesPerRow: 184 },
	txt: { budget: 'csv', bytesPerRow: 184 },
	parquet: { budget: 'parquet', bytesPerRow: 26 }
};

/**
 * Why a chosen file is too large for this browser, or undefined: its rows estimated from its size beyond
 * the budget for its format. Said before anything is read, rather than after minutes of loading ending in an
 * engine out of memory, and saying what to do; the file itself is fine. Formats with no estimate (a
 * workbook, JSON, XML) are not judged here.
 */
export function tooLargeForBrowser(file: {
	readonly name: string;
	readonly size: number;
}): string | undefined {
	const extension = /\.([a-z]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? '';
	const format = formats[extension];
	if (format === undefined) return undefined;
	const rows = Math.round(file.size / format.bytesPerRow);
	const budget = browserRowBudget[format.budget];
	if (rows <= budget * estimateSlack) return undefined;
	const count = (n: number) => n.toLocaleString('en-GB');
	const parquet = browserRowBudget.parquet;
	const asParquet =
		format.budget === 'csv' && rows <= parquet
			? ` As a Parquet file, up to ${count(parquet)} rows load here.`
			: '';
	return `${file.name} holds about ${count(Math.round(rows / 1e5) * 1e5)} rows (${count(Math.round(file.size / 1e6))} MB): more than a browser tab can load from one ${format.budget === 'csv' ? 'CSV' : 'Parquet'} file (${count(budget)} rows), so nothing was read. Load an extract of a shorter period, under ${count(budget)} rows, here, or the whole file with the command "npm run native" (the README's "Outgrowing the browser" says how).${asParquet}`;
}
