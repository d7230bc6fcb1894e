import { describe, expect, it } from 'vitest';
import { columnValues, ingestFile, type IngestOutcome, type IngestProgress } from '$lib/ingest';

const encode = (text: string) => new TextEncoder().encode(text);
const today = '2024-06-30';

function loaded(outcome: IngestOutcome) {
	if (outcome.status !== 'loaded') throw new Error(`${outcome.status}: ${outcome.reason}`);
	return outcome.result;
}

const dobFile = [
	'Referral ID,Child ID,Date of Referral,Date of Birth,Age,Gender,District',
	'R1,C1,14/03/2024,15/03/2009,99,M,Fenland',
	'R2,C2,14/03/2024,31/02/2009,14,F,Fenland',
	'R3,C3,14/03/2024,,13,F,Fenland',
	'R4,C4,14/03/2024,07/07/2011,,F,Fenland',
	'R5,C5,14/03/2024,not a date,,F,Fenland'
].join('\n');

describe('ingestFile', () => {
	it('turns a date of birth into the age on the referral date and never keeps or echoes the date of birth', async () => {
		const result = loaded(
			await ingestFile({ name: 'dob.csv', bytes: encode(dobFile) }, { today, contractCheck: 'all' })
		);
		expect(Object.keys(result.columns)).not.toContain('date_of_birth');
		// R1: DOB wins over the stale Age column; R2: DOB unreadable, Age used (warned); R3: no DOB, Age used.
		expect(columnValues(result.columns.age_at_referral!)).toEqual([14, 14, 13, 12]);
		expect(result.rejected).toEqual([
			{
				file: 'dob.csv',
				row: 5,
				line: 6,
				column: 'Date of Birth',
				field: 'age_at_referral',
				value: '[withheld]',
				reason: 'the date of birth is not a valid date (use dd/mm/yyyy or yyyy-mm-dd)'
			}
		]);
		expect(result.warnings).toEqual([
			expect.objectContaining({
				row: 2,
				column: 'Date of Birth',
				value: '[withheld]',
				reason:
					'the date of birth is not a valid date (use dd/mm/yyyy or yyyy-mm-dd); the age was taken from "Age"'
			})
		]);
		const everything = JSON.stringify(result);
		for (const birth of [
			'15/03/2009',
			'2009-03-15',
			'31/02/2009',
			'07/07/2011',
			'2011-07-07',
			'not a date'
		]) {
			expect(everything).not.toContain(birth);
		}
	});

	it('rejects a row with no age and no date of birth column as any missing required cell', async () => {
		const file =
			'Referral ID,Child ID,Referral Date,Age,Gender,District\nR1,C1,01/05/2024,,M,Fenland\nR2,C2,01/05/2024,NULL,M,Fenland\n';
		const result = loaded(await ingestFile({ name: 'age.csv', bytes: encode(file) }, { today }));
		expect(result.rejected.map((issue) => [issue.column, issue.value, issue.reason])).toEqual([
			['Age', '', 'Age at referral is required but the cell is empty'],
			['Age', 'NULL', 'Age at referral is required but the cell is "NULL" (no value)']
		]);
	});

	it('ages a missing episode at its start date, where the age is optional', async () => {
		const file =
			'Episode ID,CHILD,DOB,MISSING,MIS_START,District\nE1,C1,01/01/2009,M,01/03/2024,Fenland\nE2,C2,02/03/2024,A,01/03/2024,Fenland\n';
		const result = loaded(await ingestFile({ name: 'ep.csv', bytes: encode(file) }, { today }));
		expect(result.table).toBe('missing_episodes');
		expect(columnValues(result.columns.age_at_start!)).toEqual([15, null]);
		expect(result.warnings.map((issue) => issue.reason)).toEqual([
			'the date of birth is after the start date; left blank'
		]);
	});

	it('rejects a repeat of an identifier already loaded, naming the file it came from', async () => {
		const file =
			'Referral ID,Child ID,Referral Date,Age,Gender,District\nR1,C1,01/05/2024,15,M,Fenland\nR9,C9,01/05/2024,15,M,Fenland\n';
		const result = loaded(
			await ingestFile(
				{ name: 'may.csv', bytes: encode(file) },
				{ today, knownIds: new Map([['R1', 'april.csv']]) }
			)
		);
		expect(result.loaded).toBe(1);
		expect(result.rejected.map((issue) => issue.reason)).toEqual([
			'duplicate referral ID (already loaded from april.csv)'
		]);
		const withSet = loaded(
			await ingestFile({ name: 'may.csv', bytes: encode(file) }, { today, knownIds: new Set(['R9']) })
		);
		expect(withSet.rejected.map((issue) => issue.reason)).toEqual(['duplicate referral ID (already loaded)']);
	});

	it('summarises the file: format, encoding, delimiter, SHA-256, mapping, ignored columns, date range', async () => {
		const bytes = encode(
			'Referral ID;Child ID;Referral Date;Age;Gender;District;Notes\nR1;C1;01/05/2024;15;M;Fenland;x\nR2;C2;03/02/2024;15;M;Fenland;y\n'
		);
		const result = loaded(await ingestFile({ name: 'a.csv', bytes }, { today }));
		const digest = Buffer.from(await crypto.subtle.digest('SHA-256', bytes)).toString('hex');
		expect(result.files).toEqual([
			expect.objectContaining({
				name: 'a.csv',
				format: 'csv',
				encoding: 'utf-8',
				delimiter: ';',
				sheet: null,
				bytes: bytes.length,
				sha256: digest,
				read: 2,
				loaded: 2,
				rejectedRows: 0,
				ignoredColumns: ['Notes'],
				mapping: {
					referral_id: 'Referral ID',
					child_id: 'Child ID',
					referral_date: 'Referral Date',
					age_at_referral: 'Age',
					gender: 'Gender',
					district: 'District'
				}
			})
		]);
		expect(result.dateRange).toEqual({ field: 'referral_date', min: '2024-02-03', max: '2024-05-01' });
	});

	it('can be told which table the file holds', async () => {
		const bytes = encode('Child ID,District\nC1,Fenland\n');
		const outcome = await ingestFile({ name: 'a.csv', bytes }, { table: 'missing_episodes' });
		expect(outcome.status).toBe('needs-mapping');
		if (outcome.status === 'needs-mapping') {
			expect(outcome.match.table).toBe('missing_episodes');
			expect(outcome.reason).toContain('Episode ID, Start date, Missing or away');
		}
	});

	it('reports progress and stops when cancelled', async () => {
		const lines = ['Referral ID,Child ID,Referral Date,Age,Gender,District'];
		for (let i = 0; i < 30_000; i++) lines.push(`R${i},C${i},01/05/2024,15,M,Fenland`);
		const bytes = encode(`${lines.join('\n')}\n`);
		const progress: IngestProgress[] = [];
		const result = loaded(
			await ingestFile({ name: 'big.csv', bytes }, { today, onProgress: (p) => progress.push(p) })
		);
		expect(result.loaded).toBe(30_000);
		expect(progress.length).toBeGreaterThanOrEqual(3);
		expect(progress.at(-1)).toEqual({ rowsRead: 30_000, bytesRead: bytes.length, totalBytes: bytes.length });
		expect(progress.map((p) => p.rowsRead)).toEqual(
			[...progress.map((p) => p.rowsRead)].sort((a, b) => a - b)
		);

		const controller = new AbortController();
		const cancelled = ingestFile(
			{ name: 'big.csv', bytes },
			{ today, signal: controller.signal, onProgress: () => controller.abort(new Error('cancelled by user')) }
		);
		await expect(cancelled).rejects.toThrow('cancelled by user');
	});

	it('checks every loaded row against the zod contract without complaint', async () => {
		const file =
			'referral_id,child_id,referral_date,age_at_referral,gender,district,ind_drugs,looked_after,missing_episodes_12m\nR1,C1,2024-01-01,0,9,peterborough,NA,0,500\nR2,C2,2024-01-01,24,U,cambridge,,,0\n';
		const result = loaded(
			await ingestFile({ name: 'edge.csv', bytes: encode(file) }, { today, contractCheck: 'all' })
		);
		expect(result.loaded).toBe(2);
		expect(columnValues(result.columns.ind_drugs!)).toEqual(['not_assessed', null]);
		expect(columnValues(result.columns.missing_episodes_12m!)).toEqual([500, 0]);
		expect(columnValues(result.columns.looked_after!)).toEqual([false, null]);
		expect(columnValues(result.columns.gender!)).toEqual(['indeterminate', 'not_recorded']);
	});
});

describe('ingestFile with return and interview times', () => {
	it('matches the time headings and loads times as minutes after midnight (UTC clock)', async () => {
		const file = [
			'Episode ID,Child ID,MIS_START,MIS_END,MISSING,District,RHI Offered,RHI Accepted,RHI Date,Return Time,RHI Time',
			'E1,C1,01/03/2024,01/03/2024,M,Fenland,Y,Y,04/03/2024,22:00,9:15 pm',
			'E2,C2,02/03/2024,03/03/2024,M,Fenland,Y,Y,04/03/2024,,',
			'E3,C3,02/03/2024,03/03/2024,M,Fenland,Y,Y,04/03/2024,half past two,10:00'
		].join('\n');
		const result = loaded(
			await ingestFile({ name: 'times.csv', bytes: encode(file) }, { today, contractCheck: 'all' })
		);
		expect(result.table).toBe('missing_episodes');
		expect(columnValues(result.columns.return_time!)).toEqual([1320, null, null]);
		expect(columnValues(result.columns.rhi_time!)).toEqual([1275, null, 600]);
		// An unreadable optional time is left blank with a warning, and the row is kept.
		expect(result.warnings).toEqual([
			expect.objectContaining({ row: 3, column: 'Return Time', value: 'half past two' })
		]);
	});
});
