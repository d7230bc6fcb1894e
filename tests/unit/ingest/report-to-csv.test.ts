import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { columnValues, ingestFile, reportToCsv } from '$lib/ingest';

describe('reportToCsv', () => {
	it('lists a summary, every rejection and every warning, with hostile cells inert', async () => {
		const name = 'hostile-cells.csv';
		const bytes = new Uint8Array(await readFile(join(import.meta.dirname, '../../fixtures/ingest', name)));
		const outcome = await ingestFile({ name, bytes }, { today: '2024-06-30' });
		if (outcome.status !== 'loaded') throw new Error(outcome.status);
		const report = reportToCsv(outcome.result);
		expect(report.startsWith('\uFEFFkind,file,data row,line,column,value,reason\r\n')).toBe(true);
		const rows = Papa.parse<string[]>(report.slice(1), { skipEmptyLines: true }).data;
		expect(rows[1]).toEqual(['summary', name, '', '', '', '', 'read 5, loaded 3, rejected 2, warnings 0']);
		expect(rows.slice(2)).toEqual([
			[
				'rejected',
				name,
				'4',
				'5',
				'District',
				`'=HYPERLINK("http://evil.test")`,
				`"=HYPERLINK("http://evil.test")" is not a recognised District (expected Cambridge, East Cambridgeshire, Fenland, Huntingdonshire, South Cambridgeshire, Peterborough)`
			],
			[
				'rejected',
				name,
				'5',
				'6',
				'District',
				'<script>alert(2)</script>',
				'"<script>alert(2)</script>" is not a recognised District (expected Cambridge, East Cambridgeshire, Fenland, Huntingdonshire, South Cambridgeshire, Peterborough)'
			]
		]);
		// No cell of the report starts with a formula character.
		for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^\s*[=+\-@]/);
		// The loaded IDs keep the text exactly as written (it is the page's job to escape it).
		expect(columnValues(outcome.result.columns.referral_id!)).toEqual([
			'=HYPERLINK("http://evil.test","Click")',
			"+cmd|' /C calc'!A0",
			'H3'
		]);
	});
});
