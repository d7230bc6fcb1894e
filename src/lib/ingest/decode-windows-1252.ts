/**
 * Windows-1252 code points for bytes 0x80–0x9F, as the WHATWG Encoding Standard defines them. Node 20's
 * `TextDecoder('windows-1252')` decodes these bytes as Latin-1 control characters (0x80 → U+0080, not €),
 * so the CLI would corrupt ’ “ ” – € from Excel's "CSV" export; this table is the correct mapping. The five
 * bytes Windows-1252 leaves undefined (0x81 0x8D 0x8F 0x90 0x9D) map to the same code point, as WHATWG says.
 */
export const windows1252High: readonly number[] = [
	0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152,
	0x008d, 0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122,
	0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178
];

/** Decodes Windows-1252 bytes. Every byte is one BMP character, so a UTF-16 buffer of the same length is built. */
export function decodeWindows1252(bytes: Uint8Array): string {
	const units = new Uint16Array(bytes.length);
	for (let i = 0; i < bytes.length; i++) {
		const byte = bytes[i]!;
		units[i] = byte >= 0x80 && byte <= 0x9f ? windows1252High[byte - 0x80]! : byte;
	}
	return new TextDecoder('utf-16le').decode(units);
}
