import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendExtract, columnValues, ingestFile, loadedIds } from '$lib/ingest';

const fixtures = join(import.meta.dirname, '../../fixtures/ingest');
const file = async (name: string) => ({ name, bytes: new Uint8Array(await readFile(join(fixtures, name))) });
const today = '2024-06-30';

describe('appendExtract', () => {
	it('appends February to January, counting referrals in both once', async () => {
		const january = await ingestFile(await file('append-january.csv'), { today });
		if (january.status !== 'loaded') throw new Error(january.status);
		expect([...loadedIds(january.result)]).toEqual([
			['J1', 'append-january.csv'],
			['J2', 'append-january.csv'],
			['J3', 'append-january.csv']
		]);

		const appended = await appendExtract(january.result, await file('append-february.csv'), { today });
		if (appended.status !== 'loaded') throw new Error(appended.status);
		const { result, added } = appended;
		expect({ read: added.read, loaded: added.loaded, rejected: added.rejectedRows }).toEqual({
			read: 4,
			loaded: 2,
			rejected: 2
		});
		expect(added.rejected.map((issue) => [issue.row, issue.value, issue.reason])).toEqual([
			[1, 'J2', 'duplicate referral ID (already loaded from append-january.csv)'],
			[2, 'J3', 'duplicate referral ID (already loaded from append-january.csv)']
		]);
		expect(columnValues(added.columns.referral_id!)).toEqual(['F1', 'F2']);

		expect(
			result.files.map((summary) => [summary.name, summary.read, summary.loaded, summary.rejectedRows])
		).toEqual([
			['append-january.csv', 3, 3, 0],
			['append-february.csv', 4, 2, 2]
		]);
		expect({ read: result.read, loaded: result.loaded, rejected: result.rejectedRows }).toEqual({
			read: 7,
			loaded: 5,
			rejected: 2
		});
		expect(result.read).toBe(result.loaded + result.rejectedRows);
		expect(columnValues(result.columns.referral_id!)).toEqual(['J1', 'J2', 'J3', 'F1', 'F2']);
		expect(columnValues(result.columns.referral_date!)).toEqual([
			'2024-01-05',
			'2024-01-12',
			'2024-01-19',
			'2024-02-02',
			'2024-02-09'
		]);
		expect(columnValues(result.columns.gender!)).toEqual(['male', 'female', 'male', 'male', 'female']);
		for (const column of Object.values(result.columns)) expect(columnValues(column)).toHaveLength(5);
		expect(result.dateRange).toEqual({ field: 'referral_date', min: '2024-01-05', max: '2024-02-09' });
		expect(new Set(loadedIds(result).values())).toEqual(
			new Set(['append-january.csv', 'append-february.csv'])
		);
	});

	it('appends against the loaded table even when the new file would be recognised differently', async () => {
		const january = await ingestFile(await file('append-january.csv'), { today });
		if (january.status !== 'loaded') throw new Error(january.status);
		const episodes = await appendExtract(january.result, await file('missing-episodes.csv'), { today });
		expect(episodes.status).toBe('needs-mapping');
		if (episodes.status === 'needs-mapping') expect(episodes.match.table).toBe('referrals');
	});
});
