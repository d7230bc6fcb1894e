import {
	Bool,
	DateDay,
	Int64,
	Table,
	Utf8,
	makeData,
	makeVector,
	tableToIPC,
	vectorFromArray
} from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { readTable, type RawRow, type RawTable } from '$lib/ingest';
import { writeXlsx } from '../../fixtures/ingest/write-xlsx';

async function rowsOf(table: RawTable): Promise<RawRow[]> {
	const rows: RawRow[] = [];
	for await (const batch of table.batches) rows.push(...batch.rows);
	return rows;
}
const encode = (text: string) => new TextEncoder().encode(text);

describe('XLSX', () => {
	const workbook = writeXlsx([
		{ name: 'Cover', rows: [['Produced 01/04/2024']] },
		{
			name: 'Data',
			rows: [
				[],
				['Referral ID', 'Date', 'Serial', 'Flag', 'Error'],
				['R1', { date: 44090 }, 45292, true, { error: '#DIV/0!' }],
				['R2', { date: 45351.5 }, 2, false, 'text']
			]
		}
	]);

	it('reads raw cells of the chosen sheet: date-formatted cells as UTC Dates, serials as numbers', async () => {
		const table = await readTable(workbook, 'book.xlsx', { sheet: 'DATA' });
		expect(table.format).toBe('xlsx');
		expect(table.sheet).toBe('Data');
		expect(table.headers).toEqual(['Referral ID', 'Date', 'Serial', 'Flag', 'Error']);
		const rows = await rowsOf(table);
		expect(rows.map((row) => [row.row, row.line])).toEqual([
			[1, 3],
			[2, 4]
		]);
		expect(rows[0]!.cells).toEqual(['R1', new Date('2020-09-16T00:00:00Z'), 45292, true, null]);
		expect((rows[1]!.cells[1] as Date).toISOString()).toBe('2024-02-29T12:00:00.000Z');
	});

	it('reads the first sheet by default and says which sheet it read', async () => {
		const table = await readTable(workbook, 'book.xlsx');
		expect(table.sheet).toBe('Cover');
		expect(table.notes[0]).toBe(
			'Read sheet "Cover" of 2 ("Cover", "Data"); choose another sheet by name if needed.'
		);
	});

	it('names the sheets when the requested one does not exist', async () => {
		await expect(readTable(workbook, 'book.xlsx', { sheet: 'Referrals' })).rejects.toThrow(
			'This workbook has no sheet named "Referrals"; its sheets are "Cover", "Data".'
		);
	});

	it('refuses a damaged workbook with one message', async () => {
		const damaged = workbook.slice(0, 200);
		await expect(readTable(damaged, 'book.xlsx')).rejects.toThrow(
			/Excel workbook could not be read|not a spreadsheet/
		);
	});
});

describe('Parquet', () => {
	const days = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
	const arrow = new Table({
		id: vectorFromArray(['A', null], new Utf8()),
		date: makeVector(
			makeData({
				type: new DateDay(),
				length: 2,
				nullCount: 0,
				data: Int32Array.from([days('2024-03-05'), days('1999-12-31')])
			})
		),
		count: vectorFromArray([5n, 9_007_199_254_740_993n], new Int64()),
		flag: vectorFromArray([true, null], new Bool())
	});

	it('reads typed columns as cells: Date32 as UTC Dates, safe 64-bit integers as numbers', async () => {
		const parquet = await import('parquet-wasm');
		const bytes = parquet.writeParquet(parquet.Table.fromIPCStream(tableToIPC(arrow, 'stream')));
		const table = await readTable(bytes, 'x.parquet');
		expect(table.headers).toEqual(['id', 'date', 'count', 'flag']);
		const rows = await rowsOf(table);
		expect(rows.map((row) => row.cells)).toEqual([
			['A', new Date('2024-03-05T00:00:00Z'), 5, true],
			[null, new Date('1999-12-31T00:00:00Z'), '9007199254740993', null]
		]);
		expect(rows.map((row) => [row.row, row.line])).toEqual([
			[1, null],
			[2, null]
		]);
	});

	it('decodes ASCII and non-ASCII string columns, with nulls, to the same text', async () => {
		const parquet = await import('parquet-wasm');
		const strings = new Table({
			ascii: vectorFromArray(['R1', null, 'R3', ''], new Utf8()),
			accented: vectorFromArray(['Zoë', null, '£5 – top-up', 'plain'], new Utf8())
		});
		const bytes = parquet.writeParquet(parquet.Table.fromIPCStream(tableToIPC(strings, 'stream')));
		const rows = await rowsOf(await readTable(bytes, 's.parquet'));
		expect(rows.map((row) => row.cells)).toEqual([
			['R1', 'Zoë'],
			[null, null],
			['R3', '£5 – top-up'],
			['', 'plain']
		]);
	});

	it('accepts an injected decoder (a worker initialises parquet-wasm itself) and reports its failure', async () => {
		const bytes = Uint8Array.from([0x50, 0x41, 0x52, 0x31, 0, 0, 0, 0, 0x50, 0x41, 0x52, 0x31]);
		await expect(
			readTable(bytes, 'x.parquet', {
				parquet: async () => {
					throw new Error('bad footer');
				}
			})
		).rejects.toThrow('This Parquet file could not be read (bad footer).');
		const table = await readTable(bytes, 'x.parquet', { parquet: async () => tableToIPC(arrow, 'stream') });
		expect(table.headers).toEqual(['id', 'date', 'count', 'flag']);
	});
});

describe('JSON', () => {
	it('takes headings from every key in order of first appearance', async () => {
		const table = await readTable(
			encode('{"data":[{"a":1,"b":"x"},{"c":true,"a":null},{"b":{"nested":1}}]}'),
			'x.json'
		);
		expect(table.headers).toEqual(['a', 'b', 'c']);
		expect((await rowsOf(table)).map((row) => row.cells)).toEqual([
			[1, 'x', null],
			[null, null, true],
			[null, '{"nested":1}', null]
		]);
	});

	it('reads NDJSON with line numbers; a non-object item is a row problem', async () => {
		const table = await readTable(encode('{"a":1}\n\n[1,2]\n{"a":3}\n'), 'x.ndjson');
		const rows = await rowsOf(table);
		expect(rows.map((row) => [row.row, row.line, row.problem])).toEqual([
			[1, 1, null],
			[2, 3, 'the line is JSON but not an object of column: value pairs'],
			[3, 4, null]
		]);
	});

	it('reads text that only looks like JSON ("[Referral ID]" headings) as CSV unless it is named .json', async () => {
		const table = await readTable(encode('[Referral ID],[District]\nR1,Fenland\n'), 'extract.csv');
		expect(table.format).toBe('csv');
		expect(table.headers).toEqual(['[Referral ID]', '[District]']);
		await expect(readTable(encode('[Referral ID],[District]\n'), 'extract.json')).rejects.toThrow(
			'This JSON file could not be read'
		);
	});

	it('refuses JSON that is not a list of rows, and broken JSON', async () => {
		await expect(readTable(encode('{"total": 3}'), 'x.json')).rejects.toThrow(
			'This JSON file is not a list of rows'
		);
		await expect(readTable(encode('[{"a":1},'), 'x.json')).rejects.toThrow(
			'This JSON file could not be read'
		);
		await expect(readTable(encode('[]'), 'x.json')).rejects.toThrow('no rows with any columns');
	});
});
