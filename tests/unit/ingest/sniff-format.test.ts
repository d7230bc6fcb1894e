import { describe, expect, it } from 'vitest';
import { sniffFormat } from '$lib/ingest';

const bytes = (...values: number[]) => Uint8Array.from(values);
const text = (value: string) => new TextEncoder().encode(value);

describe('sniffFormat', () => {
	it('reads the format from the bytes, not the name', () => {
		expect(sniffFormat(text('a,b\n1,2\n'), 'extract.xlsx')).toEqual({
			format: 'csv',
			note: 'The file is named .xlsx but holds text; it was read as CSV.'
		});
		expect(sniffFormat(text('[{"a":1}]'), 'rows.txt')).toEqual({ format: 'json', note: null, byName: false });
		expect(sniffFormat(text('a,b'), 'rows.json')).toEqual({ format: 'json', note: null, byName: true });
		expect(sniffFormat(text('{"a":1}\n{"a":2}\n'), 'rows.ndjson').format).toBe('json');
		expect(
			sniffFormat(bytes(0x50, 0x41, 0x52, 0x31, 0, 0, 0, 0, 0x50, 0x41, 0x52, 0x31), 'x.csv').format
		).toBe('parquet');
	});

	it('recognises an XLSX by its workbook part and refuses other ZIPs', () => {
		const zipWith = (name: string) => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...text(`....${name}....`)]);
		expect(sniffFormat(zipWith('xl/workbook.xml'), 'a.xlsx').format).toBe('xlsx');
		expect(sniffFormat(zipWith('word/document.xml'), 'a.xlsx')).toEqual({
			format: 'unreadable',
			reason: 'This file is not a spreadsheet or data file: it is a Word document.'
		});
		expect(sniffFormat(zipWith('data.csv'), 'a.zip')).toMatchObject({
			reason: expect.stringContaining('ZIP archive')
		});
	});

	it.each([
		['empty', new Uint8Array(0), 'The file is empty (0 bytes).'],
		['PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a), 'it is a PNG image'],
		['JPEG', bytes(0xff, 0xd8, 0xff, 0xe0), 'it is a JPEG image'],
		['PDF', text('%PDF-1.7'), 'it is a PDF document'],
		['old Excel', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), 'Excel 97–2003 workbook'],
		['gzip', bytes(0x1f, 0x8b, 8, 0), 'compressed (.gz)'],
		['binary', bytes(0x41, 0x00, 0x42, 0x43), 'it contains binary data'],
		['HTML', text('<!DOCTYPE html><table>'), 'web page'],
		['truncated Parquet', bytes(0x50, 0x41, 0x52, 0x31, 1, 2, 3), 'incomplete']
	])('refuses %s with a clear reason', (_, input, reason) => {
		const sniffed = sniffFormat(input, 'upload.csv');
		expect(sniffed.format).toBe('unreadable');
		if (sniffed.format === 'unreadable') expect(sniffed.reason).toContain(reason);
	});

	it('accepts UTF-16 text even though it contains NUL bytes', () => {
		expect(sniffFormat(Uint8Array.from([0xff, 0xfe, 0x61, 0x00]), 'a.txt').format).toBe('csv');
	});
});
