import { decodeWindows1252 } from './decode-windows-1252';
import { UnreadableFileError } from './unreadable-file-error';

/**
 * The longest string V8 makes (2^29 - 24 characters). Chromium's TextDecoder gives an empty string, not an
 * error, for text longer than this: a 1.88 GB CSV was once reported as "no heading row: it holds no text".
 */
export const maxTextLength = 0x1fffffe8;

/** How the bytes of a text file were decoded. */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
	readonly text: string;
	readonly encoding: TextEncodingName;
}

/**
 * Decodes a text file the way UK extracts arrive: UTF-8 with or without a BOM, UTF-16 with a BOM (Excel's
 * "Unicode Text"), or Windows-1252 (Excel's plain "CSV" on Windows). UTF-8 is tried strictly first because
 * Windows-1252 bytes such as 0x92 (’) are invalid UTF-8, while valid UTF-8 is very unlikely to be intended
 * as Windows-1252. The BOM is removed so it never sticks to the first heading.
 */
export function decodeText(bytes: Uint8Array, limit = maxTextLength): DecodedText {
	const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
	// One character per byte at most in UTF-8 and Windows-1252 (two bytes in UTF-16): a file beyond the limit
	// is refused before it is decoded. A UTF-8 file of many multi-byte characters could still have fitted;
	// extracts are nearly all ASCII.
	if ((utf16 ? (bytes.length - 2) / 2 : bytes.length) > limit) {
		throw new UnreadableFileError(
			`The file is ${(bytes.length / 1e9).toFixed(2)} GB: more text than a browser can read in one piece (${limit.toLocaleString('en-GB')} characters). A plain UTF-8, comma-separated CSV in the contract's layout is read by DuckDB instead; otherwise load it with the command "npm run native".`
		);
	}
	if (bytes[0] === 0xff && bytes[1] === 0xfe) {
		return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
	}
	if (bytes[0] === 0xfe && bytes[1] === 0xff) {
		return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
	}
	const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
	const body = bom ? bytes.subarray(3) : bytes;
	try {
		const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
		return { text, encoding: bom ? 'utf-8-bom' : 'utf-8' };
	} catch {
		return { text: decodeWindows1252(body), encoding: 'windows-1252' };
	}
}
