import { describe, expect, it } from 'vitest';
import { decodeWindows1252 } from '$lib/ingest/decode-windows-1252';
import { windows1252BlobToUtf8, windows1252ToUtf8 } from '$lib/ingest/windows-1252-to-utf8';

describe('windows1252ToUtf8', () => {
	const everyByte = Uint8Array.from({ length: 256 }, (_, byte) => byte);

	it('gives the UTF-8 of the text decodeWindows1252 reads, for every byte', () => {
		expect(windows1252ToUtf8(everyByte)).toEqual(new TextEncoder().encode(decodeWindows1252(everyByte)));
	});

	it('writes € ’ “ ” – and é as UTF-8, and ASCII unchanged', () => {
		const text = new TextDecoder().decode(
			windows1252ToUtf8(Uint8Array.from([0x80, 0x92, 0x93, 0x94, 0x96, 0xe9, 0x41]))
		);
		expect(text).toBe('\u20ac\u2019\u201c\u201d\u2013\u00e9A');
	});

	it('finds a high byte wherever it is (the four-byte test, its tail, an unaligned view)', () => {
		for (let at = 0; at < 11; at++) {
			const bytes = new Uint8Array(11).fill(0x61);
			bytes[at] = 0x92;
			const expected = new TextEncoder().encode(decodeWindows1252(bytes));
			expect(windows1252ToUtf8(bytes)).toEqual(expected);
			expect(windows1252ToUtf8(bytes.subarray(1))).toEqual(expected.subarray(at === 0 ? 3 : 1));
		}
	});

	it('converts a file in pieces to the same bytes as in one', async () => {
		// Pieces of 7 bytes: high bytes on both sides of a boundary and a last piece that is short.
		const bytes = Uint8Array.from([0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x92, 0xe9, 0x80, 0x41, 0xa0, 0x93]);
		const blob = await windows1252BlobToUtf8(new Blob([bytes]), 7);
		expect(new TextDecoder().decode(await blob.arrayBuffer())).toBe(decodeWindows1252(bytes));
	});
});
