/**
 * How many rows a browser tab can load from one file (issue 14), by format: the staged path reads them
 * differently. DuckDB-WASM's memory is 32-bit wasm, at most 4 GB (3.1 GiB of it DuckDB's own limit), and it
 * cannot spill to disk, so every table and every statement's working memory must fit in it at once.
 *
 * - Parquet is read one row group at a time into a compressed staging table, and the facts are written in
 *   date slices (`ingest-staged.ts`, `sql/derived.ts`): measured with `npm run bench -- browser-memory`, the
 *   10M-referral Parquet loads, the renderer at 3.19 GB at its peak (the README's "Outgrowing the browser").
 * - A CSV is read by DuckDB's reader in one statement, whose rows stay uncompressed until it ends: measured
 *   before the compressed database at 1,480 bytes a row of renderer memory at its peak, so about 2 million.
 */
export const browserRowBudget: Readonly<Record<'csv' | 'parquet', number>> = {
	csv: 2_000_000,
	parquet: 10_000_000
};

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
	if (rows <= budget) return undefined;
	const count = (n: number) => n.toLocaleString('en-GB');
	const parquet = browserRowBudget.parquet;
	const asParquet =
		format.budget === 'csv' && rows <= parquet
			? ` As a Parquet file, up to ${count(parquet)} rows load here.`
			: '';
	return `${file.name} holds about ${count(Math.round(rows / 1e5) * 1e5)} rows (${count(Math.round(file.size / 1e6))} MB): more than a browser tab can load from one ${format.budget === 'csv' ? 'CSV' : 'Parquet'} file (${count(budget)} rows), so nothing was read. Load an extract of a shorter period, under ${count(budget)} rows, here, or the whole file with the command "npm run native" (the README's "Outgrowing the browser" says how).${asParquet}`;
}
