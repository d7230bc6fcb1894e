import { describe, expect, it } from 'vitest';
import { csvCell } from '$lib/format/csv-cell';

describe('csvCell', () => {
	it.each([
		['=HYPERLINK("http://evil.test","x")', `"'=HYPERLINK(""http://evil.test"",""x"")"`],
		["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
		['-2+3', "'-2+3"],
		['@SUM(A1)', "'@SUM(A1)"],
		['\t=1+1', "'\t=1+1"],
		['\r=1', `"'\r=1"`],
		['  =1', "'  =1"],
		['<script>alert(1)</script>', '<script>alert(1)</script>'],
		['a,b', '"a,b"'],
		['plain', 'plain'],
		[42, '42']
	])('makes %j safe: %s', (value, expected) => {
		expect(csvCell(value)).toBe(expected);
	});
});
