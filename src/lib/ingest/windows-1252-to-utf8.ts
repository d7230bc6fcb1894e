import { windows1252High } from './decode-windows-1252';

/** The UTF-8 bytes of each Windows-1252 byte from 0x80 to 0xFF (its code point as `decodeWindows1252` reads it). */
const highBytes: readonly Uint8Array[] = Array.from({ length: 0x80 }, (_, at) => {
	const byte = 0x80 + at;
	const codePoint = byte <= 0x9f ? windows1252High[byte - 0x80]! : byte;
	return new TextEncoder().encode(String.fromCharCode(codePoint));
});

/** Whether any byte of `bytes` is 0x80 or above, four bytes at a time (extracts are nearly all ASCII). */
function hasHighByte(bytes: Uint8Array): boolean {
	const aligned = bytes.byteOffset % 4 === 0 ? bytes.length >> 2 : 0;
	const words = aligned > 0 ? new Uint32Array(bytes.buffer, bytes.byteOffset, aligned) : new Uint32Array(0);
	for (let i = 0; i < words.length; i++) if ((words[i]! & 0x80808080) !== 0) return true;
	for (let i = aligned << 2; i < bytes.length; i++) if (bytes[i]! >= 0x80) return true;
	return false;
}

/**
 * Windows-1252 bytes as UTF-8 bytes, with the same characters `decodeWindows1252` gives (so DuckDB's CSV
 * reader, which reads UTF-8 only, sees the text the worker would). Byte to bytes, with no string between:
 * a piece of any length can be converted on its own, since every Windows-1252 character is one byte. A
 * piece that is all ASCII is already UTF-8 and is returned as it is, not copied.
 */
export function windows1252ToUtf8(bytes: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
	if (!hasHighByte(bytes)) return bytes;
	let length = bytes.length;
	for (let i = 0; i < bytes.length; i++)
		if (bytes[i]! >= 0x80) length += highBytes[bytes[i]! - 0x80]!.length - 1;
	const out = new Uint8Array(length);
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
