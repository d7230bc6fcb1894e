/**
 * How many rows a browser tab can load (issue 14). Measured with `npm run bench -- browser-memory`: while the
 * Data page loads the generator's 1M-referral CSV, the renderer (page, ingest worker, DuckDB-WASM's worker
 * and its wasm memory) grows from 0.59 to 2.07 GB at its peak, about 1,480 bytes a row. DuckDB-WASM's
 * memory is 32-bit wasm, 4 GB at most; leaving about 1 GB of it for the engine and the queries after the
 * load, 3 GB ÷ 1,480 bytes is about 2 million rows. Stated in the README's "Outgrowing the browser".
 */
export const browserRowBudget = 2_000_000;

/**
 * Bytes per row of a file in the contract's layout (the generator's 1M extract: 184,173,291 bytes of CSV,
 * 25,992,223 of Parquet), to estimate a file's rows from its size before reading any of it.
 */
const bytesPerRow: Readonly<Record<string, number>> = { csv: 184, tsv: 184, txt: 184, parquet: 26 };

/**
 * Why a chosen file is too large for this browser, or undefined: its rows estimated from its size beyond
 * the budget. Said before anything is read, rather than after minutes of loading ending in an engine out of
 * memory. Formats with no estimate (a workbook, JSON, XML) are not judged here.
 */
export function tooLargeForBrowser(file: {
	readonly name: string;
	readonly size: number;
}): string | undefined {
	const extension = /\.([a-z]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? '';
	const perRow = bytesPerRow[extension];
	if (perRow === undefined) return undefined;
	const rows = Math.round(file.size / perRow);
	if (rows <= browserRowBudget) return undefined;
	const count = (n: number) => n.toLocaleString('en-GB');
	return `${file.name} is too large for this browser: about ${count(Math.round(rows / 1e5) * 1e5)} rows (${count(Math.round(file.size / 1e6))} MB), beyond the ${count(browserRowBudget)} a browser tab can hold. Load it with the command "npm run native" (the README's "Outgrowing the browser" says how).`;
}
