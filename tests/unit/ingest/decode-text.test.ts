import { describe, expect, it } from 'vitest';
import { decodeText, decodeWindows1252 } from '$lib/ingest';

/** WHATWG windows-1252 index for 0x80–0x9F (undefined bytes map to the same code point). */
const expectedHigh = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

describe('decodeWindows1252', () => {
	it('maps every byte 0x80–0x9F as the WHATWG standard does', () => {
		const bytes = Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i);
		const text = decodeWindows1252(bytes);
		expect(text).toHaveLength(32);
		expect([...text]).toEqual([...expectedHigh]);
	});

	it('gives € for 0x80, curly quotes for 0x91/0x92, an en dash for 0x96 and £ for 0xA3', () => {
		expect(decodeWindows1252(Uint8Array.from([0x80, 0x91, 0x92, 0x96, 0xa3]))).toBe('€‘’–£');
	});

	it('leaves ASCII and 0xA0–0xFF as their Latin-1 code points', () => {
		const bytes = Uint8Array.from([
			...Array.from({ length: 128 }, (_, i) => i),
			...Array.from({ length: 96 }, (_, i) => 0xa0 + i)
		]);
		const text = decodeWindows1252(bytes);
		expect(Array.from(text, (char) => char.charCodeAt(0))).toEqual(Array.from(bytes));
	});
});

describe('decodeText', () => {
	const encode = (text: string) => new TextEncoder().encode(text);

	it('reads UTF-8 without a BOM', () => {
		expect(decodeText(encode('Child’s ID,£'))).toEqual({ text: 'Child’s ID,£', encoding: 'utf-8' });
	});

	it('strips a UTF-8 BOM so it never sticks to the first heading', () => {
		const decoded = decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...encode('Referral ID')]));
		expect(decoded).toEqual({ text: 'Referral ID', encoding: 'utf-8-bom' });
	});

	it('falls back to Windows-1252 when the bytes are not valid UTF-8', () => {
		const decoded = decodeText(Uint8Array.from([0x43, 0x92, 0x73, 0x20, 0x80, 0x35, 0x20, 0x96, 0x20, 0xa3]));
		expect(decoded).toEqual({ text: 'C’s €5 – £', encoding: 'windows-1252' });
	});

	it('reads UTF-16 with a BOM (Excel "Unicode Text"), little- and big-endian', () => {
		const le = Uint8Array.from([0xff, 0xfe, ...Buffer.from('a\tb’', 'utf16le')]);
		expect(decodeText(le)).toEqual({ text: 'a\tb’', encoding: 'utf-16le' });
		const be = Uint8Array.from([0xfe, 0xff, 0x00, 0x61, 0x20, 0x19]);
		expect(decodeText(be)).toEqual({ text: 'a’', encoding: 'utf-16be' });
	});
});

describe('decodeText beyond the longest string a browser makes', () => {
	it('refuses the file with its size and what to do, rather than decoding it to nothing', () => {
		const bytes = new TextEncoder().encode('referral_id,child_id\nR1,C1\n');
		expect(() => decodeText(bytes, bytes.length - 1)).toThrow(
			/^The file is 0\.00 GB: more text than a browser can read in one piece \(26 characters\)\. .*npm run native/
		);
		expect(decodeText(bytes, bytes.length).text).toBe('referral_id,child_id\nR1,C1\n');
	});

	it('counts UTF-16 text in characters, two bytes each after the BOM', () => {
		const bytes = Uint8Array.from([0xff, 0xfe, 0x61, 0x00, 0x62, 0x00]);
		expect(decodeText(bytes, 2).text).toBe('ab');
		expect(() => decodeText(bytes, 1)).toThrow(/more text than a browser can read/);
	});
});
