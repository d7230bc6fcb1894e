import { windows1252High } from './decode-windows-1252';

/** The UTF-8 bytes of each Windows-1252 byte from 0x80 to 0xFF (its code point as `decodeWindows1252` reads it). */
const highBytes: readonly Uint8Array[] = Array.from({ length: 0x80 }, (_, at) => {
	const byte = 0x80 + at;
	const codePoint = byte <= 0x9f ? windows1252High[byte - 0x80]! : byte;
	return new TextEncoder().encode(String.fromCharCode(codePoint));
});

/**
 * Windows-1252 bytes as UTF-8 bytes, with the same characters `decodeWindows1252` gives (so DuckDB's CSV
 * reader, which reads UTF-8 only, sees the text the worker would). Byte to bytes, with no string between:
 * a piece of any length can be converted on its own, since every Windows-1252 character is one byte.
 */
export function windows1252ToUtf8(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
	let length = bytes.length;
	for (let i = 0; i < bytes.length; i++)
		if (bytes[i]! >= 0x80) length += highBytes[bytes[i]! - 0x80]!.length - 1;
	const out = new Uint8Array(length);
	if (length === bytes.length) {
		out.set(bytes);
		return out;
	}
	let at = 0;
	for (let i = 0; i < bytes.length; i++) {
		const byte = bytes[i]!;
		if (byte < 0x80) out[at++] = byte;
		else {
			const encoded = highBytes[byte - 0x80]!;
			out.set(encoded, at);
			at += encoded.length;
		}
	}
	return out;
}

/**
 * A Windows-1252 file as a UTF-8 Blob, read and converted in pieces of `pieceBytes` (a few megabytes: the
 * text is never one string, and the original file's bytes are never all held at once).
 */
export async function windows1252BlobToUtf8(file: Blob, pieceBytes = 1 << 23): Promise<Blob> {
	const parts: Uint8Array<ArrayBuffer>[] = [];
	for (let start = 0; start < file.size; start += pieceBytes)
		parts.push(windows1252ToUtf8(new Uint8Array(await file.slice(start, start + pieceBytes).arrayBuffer())));
	return new Blob(parts);
}
