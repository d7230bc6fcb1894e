import { describe, expect, it } from 'vitest';
import { detectDelimiter } from '$lib/ingest';

describe('detectDelimiter', () => {
	it.each([
		[',', 'a,b,c\n1,2,3\n'],
		[';', 'a;b;c\n1,5;2,5;3\n'],
		['\t', 'a\tb\tc\n1\t2\t3\n'],
		['|', 'a|b|c\n1|2|3\n']
	])('finds %j from the heading row', (delimiter, text) => {
		expect(detectDelimiter(text)).toBe(delimiter);
	});

	it('ignores delimiters inside quoted headings', () => {
		expect(detectDelimiter('"Date of referral, dd/mm/yyyy";"District"\r\n"01/02/2024";"Fenland"\r\n')).toBe(
			';'
		);
	});

	it('prefers the delimiter that splits the following rows consistently', () => {
		// One comma and one semicolon in the heading; only the semicolon splits every row the same way.
		expect(detectDelimiter('id;name, first\n1;Ann, B\n2;Bob\n3;Cy\n')).toBe(';');
	});

	it('treats a heading with no candidate as one comma-separated column', () => {
		expect(detectDelimiter('Referral ID\nR1\n')).toBe(',');
		expect(detectDelimiter('')).toBe(',');
	});
});
