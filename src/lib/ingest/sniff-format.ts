import type { TabularFormat } from './raw-table';

/** What the bytes are: a format the pipeline reads, or why it cannot read them. */
export type SniffResult =
	| {
			readonly format: TabularFormat;
			readonly note: string | null;
			/** JSON only: chosen from the file name (.json, .ndjson) rather than from the first character. */
			readonly byName?: boolean;
	  }
	| { readonly format: 'unreadable'; readonly reason: string };

const notData = 'This file is not a spreadsheet or data file';

/** Byte signatures of files people pick by mistake, with what to tell them. */
const signatures: readonly { readonly bytes: readonly number[]; readonly what: string }[] = [
	{ bytes: [0x89, 0x50, 0x4e, 0x47], what: 'it is a PNG image' },
	{ bytes: [0xff, 0xd8, 0xff], what: 'it is a JPEG image' },
	{ bytes: [0x47, 0x49, 0x46, 0x38], what: 'it is a GIF image' },
	{ bytes: [0x25, 0x50, 0x44, 0x46], what: 'it is a PDF document' },
	{ bytes: [0x1f, 0x8b], what: 'it is a compressed (.gz) file: decompress it first' },
	{
		bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
		what: 'it is an Excel 97–2003 workbook (.xls) or another old Office file: open it in Excel and save it as .xlsx or CSV'
	},
	{ bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], what: 'it is an SQLite database' }
];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
	prefix.every((byte, i) => bytes[i] === byte);

/** Whether an ASCII string occurs in the bytes (zip entry names are stored as plain bytes). */
function containsAscii(bytes: Uint8Array, text: string): boolean {
	const first = text.charCodeAt(0);
	outer: for (
		let i = bytes.indexOf(first);
		i !== -1 && i <= bytes.length - text.length;
		i = bytes.indexOf(first, i + 1)
	) {
		for (let j = 1; j < text.length; j++) if (bytes[i + j] !== text.charCodeAt(j)) continue outer;
		return true;
	}
	return false;
}

const extension = (fileName: string): string => /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';

/**
 * Decides how to read a file from its first bytes, not its name: people rename files, and systems export
 * HTML or CSV with an `.xls` name. The name only breaks the tie between JSON and CSV text.
 */
export function sniffFormat(bytes: Uint8Array, fileName: string): SniffResult {
	if (bytes.length === 0) return { format: 'unreadable', reason: 'The file is empty (0 bytes).' };
	const ext = extension(fileName);
	for (const { bytes: prefix, what } of signatures) {
		if (startsWith(bytes, prefix)) return { format: 'unreadable', reason: `${notData}: ${what}.` };
	}
	if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
		if (containsAscii(bytes, 'xl/workbook')) return { format: 'xlsx', note: null };
		const what = containsAscii(bytes, 'word/')
			? 'it is a Word document'
			: containsAscii(bytes, 'ppt/')
				? 'it is a PowerPoint presentation'
				: 'it is a ZIP archive: unzip it and load the CSV or XLSX file inside';
		return { format: 'unreadable', reason: `${notData}: ${what}.` };
	}
	if (startsWith(bytes, [0x50, 0x41, 0x52, 0x31])) {
		const end = bytes.subarray(bytes.length - 4);
		return startsWith(end, [0x50, 0x41, 0x52, 0x31]) && bytes.length >= 12
			? { format: 'parquet', note: null }
			: {
					format: 'unreadable',
					reason: 'This Parquet file is incomplete (it may have been cut off while copying).'
				};
	}
	const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
	const head = bytes.subarray(0, 65536);
	if (!utf16 && head.includes(0)) {
		return { format: 'unreadable', reason: `${notData}: it contains binary data.` };
	}
	const start = new TextDecoder('utf-8')
		.decode(bytes.subarray(0, 512))
		.replace(/^\uFEFF/, '')
		.trimStart();
	if (/^<(!doctype html|html|table|head|body)\b/i.test(start)) {
		return {
			format: 'unreadable',
			reason: `${notData}: it is a web page. Some systems export HTML tables named .xls; open it in Excel and save it as .xlsx or CSV.`
		};
	}
	// Any other markup is XML (the CIN census and SSDA903 returns); the XML reader says which, or why not.
	if (/^<[?!a-z_]/i.test(start)) return { format: 'xml', note: null };
	if (['json', 'ndjson', 'jsonl'].includes(ext)) return { format: 'json', note: null, byName: true };
	if (!utf16 && /^[[{]/.test(start)) return { format: 'json', note: null, byName: false };
	const note =
		ext === 'xlsx' || ext === 'xls' ? `The file is named .${ext} but holds text; it was read as CSV.` : null;
	return { format: 'csv', note };
}
