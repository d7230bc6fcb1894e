import { describe, expect, it } from 'vitest';
import { decodeText, readTable, type RawRow, type RawTable } from '$lib/ingest';

const encode = (text: string) => new TextEncoder().encode(text);

async function rowsOf(table: RawTable): Promise<RawRow[]> {
	const rows: RawRow[] = [];
	for await (const batch of table.batches) rows.push(...batch.rows);
	return rows;
}

const read = (text: string) => readTable(encode(text), 'test.csv');

describe('readCsv (through readTable)', () => {
	it('reads CRLF rows, trims headings and does not turn the final line break into a row', async () => {
		const table = await read('Referral ID , District\r\nR1,Fenland\r\nR2,Cambridge\r\n');
		expect(table.headers).toEqual(['Referral ID', 'District']);
		const rows = await rowsOf(table);
		expect(rows.map((row) => row.cells)).toEqual([
			['R1', 'Fenland'],
			['R2', 'Cambridge']
		]);
		expect(rows.map((row) => [row.row, row.line])).toEqual([
			[1, 2],
			[2, 3]
		]);
	});

	it('keeps newlines inside quoted cells and reports the line each row starts on', async () => {
		const rows = await rowsOf(await read('id,notes\r\n1,"a\r\nb\r\nc"\r\n2,plain\r\n3,"x ""y"""\r\n'));
		expect(rows.map((row) => row.cells)).toEqual([
			['1', 'a\r\nb\r\nc'],
			['2', 'plain'],
			['3', 'x "y"']
		]);
		expect(rows.map((row) => row.line)).toEqual([2, 5, 6]);
	});

	it('reads old Mac CR-only line endings', async () => {
		const rows = await rowsOf(await read('id,d\r1,a\r2,b\r'));
		expect(rows.map((row) => [row.cells, row.line])).toEqual([
			[['1', 'a'], 2],
			[['2', 'b'], 3]
		]);
	});

	it('uses and skips an Excel "sep=" line, counting it in line numbers', async () => {
		const table = await read('sep=|\nid|d\n1|a,b\n');
		expect(table.delimiter).toBe('|');
		expect(table.notes[0]).toContain('sep=|');
		expect((await rowsOf(table)).map((row) => [row.cells, row.line])).toEqual([[['1', 'a,b'], 3]]);
	});

	it('skips blank lines before the heading row and numbers lines from the file start', async () => {
		const rows = await rowsOf(await read('\n\nid,d\n1,a\n'));
		expect(rows).toEqual([{ cells: ['1', 'a'], row: 1, line: 4, problem: null }]);
	});

	it('rejects only the line with a stray quote and reads on from the next line', async () => {
		const rows = await rowsOf(await read('id,d\n1,a\n"2"x,b\n3,c\n4,"d\n5,e\n'));
		expect(
			rows.map((row) => [row.row, row.line, row.problem === null ? row.cells : row.problem.slice(0, 40)])
		).toEqual([
			[1, 2, ['1', 'a']],
			[2, 3, 'a quoted value has a stray quote after i'],
			[3, 4, ['3', 'c']],
			[4, 5, 'a quoted value is never closed (Quoted f'],
			[5, 6, ['5', 'e']]
		]);
		expect(rows[1]!.cells).toEqual(['"2"x,b']);
	});

	it('refuses a file whose heading row has an unclosed quote', async () => {
		await expect(read('"id,d\n1,a\n')).rejects.toThrow(/heading row \(line 1\) cannot be read/);
	});

	it('refuses a file with only blank lines', async () => {
		await expect(read('\n\r\n  \n')).rejects.toThrow('The file has no heading row');
	});

	it.each([
		['LF', '\n'],
		['CRLF', '\r\n'],
		['CR', '\r']
	])(
		'streams a large %s file in batches with correct row and line numbers across batch boundaries',
		async (_, eol) => {
			const count = 40_003;
			const lines = ['id,notes'];
			for (let i = 1; i <= count; i++)
				lines.push(i % 1000 === 0 ? `${i},"two${eol}lines"` : `${i},some notes here`);
			const text = `${lines.join(eol)}${eol}`;
			const table = await readTable(encode(text), 'big.csv');
			const batches: number[] = [];
			const rows: RawRow[] = [];
			let lastBytes = 0;
			for await (const batch of table.batches) {
				batches.push(batch.rows.length);
				expect(batch.bytesRead).toBeGreaterThanOrEqual(lastBytes);
				lastBytes = batch.bytesRead;
				rows.push(...batch.rows);
			}
			expect(batches.length).toBeGreaterThan(2);
			expect(lastBytes).toBe(text.length);
			expect(rows).toHaveLength(count);
			// Row i starts on line i + 1 plus one extra line for every two-line row before it.
			for (const index of [0, 998, 999, 1000, 9_999, 10_000, 20_000, 30_001, count - 1]) {
				const row = rows[index]!;
				const id = Number(row.cells[0]);
				expect(row.row).toBe(id);
				expect(row.line).toBe(id + 1 + Math.floor((id - 1) / 1000));
			}
		}
	);

	it('recovers from a stray quote after the first batch with correct offsets', async () => {
		const lines = ['id,d'];
		for (let i = 1; i <= 12_000; i++) lines.push(i === 11_000 ? `"${i}"x,d` : `${i},d`);
		const rows = await rowsOf(await read(`${lines.join('\n')}\n`));
		expect(rows).toHaveLength(12_000);
		expect(rows[10_999]).toMatchObject({ row: 11_000, line: 11_001, cells: ['"11000"x,d'] });
		expect(rows[10_999]!.problem).toContain('stray quote');
		expect(rows[11_999]).toEqual({ cells: ['12000', 'd'], row: 12_000, line: 12_001, problem: null });
	});

	it('records the decoded encoding', async () => {
		const table = await readTable(Uint8Array.from([0x69, 0x64, 0x0a, 0x92, 0x0a]), 'a.csv');
		expect(table.encoding).toBe('windows-1252');
		expect((await rowsOf(table))[0]!.cells).toEqual(['’']);
		expect(decodeText(encode('x')).encoding).toBe('utf-8');
	});
});
