import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { referrals } from '$lib/contract';
import { columnValues, ingestFile, toArrowIPC } from '$lib/ingest';

describe('toArrowIPC', () => {
	it('writes contract columns in order with Utf8, Int32, Bool and Date32 types and the loaded values', async () => {
		const bytes = new Uint8Array(
			await readFile(join(import.meta.dirname, '../../fixtures/ingest/referrals.xlsx'))
		);
		const outcome = await ingestFile({ name: 'referrals.xlsx', bytes }, { today: '2024-06-30' });
		if (outcome.status !== 'loaded') throw new Error(outcome.status);
		const table = tableFromIPC(toArrowIPC(outcome.result));
		expect(table.schema.fields.map((field) => field.name)).toEqual(
			referrals.fields.map((field) => field.name)
		);
		const types = Object.fromEntries(table.schema.fields.map((field) => [field.name, String(field.type)]));
		expect(types).toMatchObject({
			referral_id: 'Utf8',
			gender: 'Utf8',
			age_at_referral: 'Int32',
			looked_after: 'Bool',
			referral_date: 'Date32<DAY>'
		});
		expect(table.numRows).toBe(outcome.result.loaded);
		const rows = table.toArray().map((row) => row.toJSON());
		expect(
			rows.map((row) => [row.referral_id, row.gender, row.age_at_referral, row.looked_after, row.ethnicity])
		).toEqual([
			['X001', 'male', 15, true, 'white'],
			['X002', 'female', 16, false, null],
			['X003', 'male', 14, true, 'black'],
			['1005', 'female', 17, false, 'asian']
		]);
		// Date32 comes back as epoch milliseconds at UTC midnight.
		expect(rows.map((row) => new Date(row.referral_date as number).toISOString().slice(0, 10))).toEqual(
			columnValues(outcome.result.columns.referral_date!)
		);
		expect(rows.every((row) => row.ind_drugs === null)).toBe(true);
	});

	it('encodes non-ASCII text and blanks in every type exactly', async () => {
		const text = [
			'referral_id,child_id,referral_date,age_at_referral,gender,district,looked_after,ethnicity,missing_episodes_12m',
			'2024–001,Zoë ’s,2024-01-05,15,M,Fenland,,,3',
			'R2,C2,2024-01-06,16,F,Fenland,Y,WBRI,',
			'R3,子供,2000-01-01,0,F,Fenland,N,,0'
		].join('\n');
		const outcome = await ingestFile(
			{ name: 'x.csv', bytes: new TextEncoder().encode(text) },
			{ today: '2024-06-30', table: 'referrals' }
		);
		if (outcome.status !== 'loaded') throw new Error(outcome.status);
		expect(outcome.result.rejected).toEqual([]);
		const rows = tableFromIPC(toArrowIPC(outcome.result))
			.toArray()
			.map((row) => row.toJSON());
		expect(rows.map((row) => [row.referral_id, row.child_id, row.looked_after, row.ethnicity])).toEqual([
			['2024–001', 'Zoë ’s', null, null],
			['R2', 'C2', true, 'white'],
			['R3', '子供', false, null]
		]);
		expect(rows.map((row) => row.missing_episodes_12m)).toEqual([3, null, 0]);
		expect(rows.map((row) => new Date(row.referral_date as number).toISOString().slice(0, 10))).toEqual([
			'2024-01-05',
			'2024-01-06',
			'2000-01-01'
		]);
	});
});
