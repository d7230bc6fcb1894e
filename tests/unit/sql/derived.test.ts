import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '$lib/engine/engine';
import {
	referralFacts,
	referralFactsQuery,
	referralWindowsQuery,
	sliceFactsAbove,
	slicedFacts,
	slicesFacts
} from '$lib/sql/derived';
import { ident, sql } from '$lib/sql/sql';
import { engineWith, referral } from '../../helpers/engine';

// Child A: 2nd referral within 12 months of the 1st (repeat), 3rd more than 12 months after the 2nd (not).
// Child B: 2nd referral exactly 12 months after the 1st (repeat: "within 12 months" includes the day).
let engine: Engine;
beforeAll(async () => {
	engine = await engineWith({
		referrals: [
			referral({ referral_id: 'R1', child_id: 'A', referral_date: '2023-01-10', age_at_referral: 9 }),
			referral({ referral_id: 'R2', child_id: 'A', referral_date: '2023-06-01', age_at_referral: 10 }),
			referral({ referral_id: 'R3', child_id: 'A', referral_date: '2024-07-01', age_at_referral: 17 }),
			referral({ referral_id: 'R4', child_id: 'B', referral_date: '2023-03-15', age_at_referral: 18 }),
			referral({ referral_id: 'R5', child_id: 'B', referral_date: '2024-03-15', age_at_referral: 24 }),
			referral({ referral_id: 'R6', child_id: "C'3", referral_date: '2023-03-20', age_at_referral: 14 }),
			// Child D: two referrals on one day, then one three months later.
			referral({ referral_id: 'R7', child_id: 'D', referral_date: '2023-05-01', age_at_referral: 12 }),
			referral({ referral_id: 'R8', child_id: 'D', referral_date: '2023-05-01', age_at_referral: 12 }),
			referral({ referral_id: 'R9', child_id: 'D', referral_date: '2023-08-01', age_at_referral: 12 })
		]
	});
});
afterAll(() => engine.close());

describe('referral_facts', () => {
	it('marks repeat referrals (same child referred in the 12 months before), month and age band', async () => {
		const rows = await engine.query<{
			referral_id: string;
			is_repeat: boolean;
			month: string;
			age_band: string;
		}>(
			sql`SELECT referral_id, is_repeat, CAST(month AS VARCHAR) AS month, CAST(age_band AS VARCHAR) AS age_band FROM ${referralFacts} ORDER BY referral_id`
		);
		expect(rows).toEqual([
			{ referral_id: 'R1', is_repeat: false, month: '2023-01-01', age_band: '0-9' },
			{ referral_id: 'R2', is_repeat: true, month: '2023-06-01', age_band: '10-12' },
			{ referral_id: 'R3', is_repeat: false, month: '2024-07-01', age_band: '17' },
			{ referral_id: 'R4', is_repeat: false, month: '2023-03-01', age_band: '18-24' },
			{ referral_id: 'R5', is_repeat: true, month: '2024-03-01', age_band: '18-24' },
			{ referral_id: 'R6', is_repeat: false, month: '2023-03-01', age_band: '13-14' },
			{ referral_id: 'R7', is_repeat: false, month: '2023-05-01', age_band: '10-12' },
			{ referral_id: 'R8', is_repeat: true, month: '2023-05-01', age_band: '10-12' },
			{ referral_id: 'R9', is_repeat: true, month: '2023-08-01', age_band: '10-12' }
		]);
	});

	it('keeps every referral and numbers each child once', async () => {
		const [row] = await engine.query<{ referrals: number; facts: number; ids: number; keys: number }>(
			sql`SELECT (SELECT count(*) FROM referrals) AS referrals, count(*) AS facts,
				count(DISTINCT child_id) AS ids, count(DISTINCT child_key) AS keys FROM ${referralFacts}`
		);
		expect(row).toEqual({ referrals: 9, facts: 9, ids: 4, keys: 4 });
		const [pairs] = await engine.query<{ n: number }>(
			sql`SELECT count(DISTINCT (child_id, child_key)) AS n FROM ${referralFacts}`
		);
		expect(pairs!.n).toBe(4);
	});

	it("records each child's next referral on a later day, never one on the same day", async () => {
		const rows = await engine.query<{ referral_id: string; next: string | null }>(
			sql`SELECT referral_id, CAST(next_referral_date AS VARCHAR) AS next FROM ${referralFacts} ORDER BY referral_id`
		);
		expect(Object.fromEntries(rows.map((row) => [row.referral_id, row.next]))).toEqual({
			R1: '2023-06-01',
			R2: '2024-07-01',
			R3: null,
			R4: '2024-03-15',
			R5: null,
			R6: null,
			R7: '2023-08-01',
			R8: '2023-08-01',
			R9: null
		});
	});
});

describe('referral_facts written in date slices (a base table above a million rows)', () => {
	it('only where the engine cannot spill: native DuckDB writes any size in one statement', () => {
		expect(slicesFacts(sliceFactsAbove, 'database')).toBe(false);
		expect(slicesFacts(sliceFactsAbove + 1, 'database')).toBe(true);
		expect(slicesFacts(100 * sliceFactsAbove, 'temporary')).toBe(false);
	});

	it('holds the same rows in the same order as one sorted write, and leaves no windows table', async () => {
		const sliced = ident('sliced_referral_facts');
		for (const statement of slicedFacts(
			sliced,
			ident('sliced_referral_windows'),
			referralWindowsQuery(),
			(windows, slice) => referralFactsQuery(undefined, windows, slice),
			ident('referrals'),
			sql`referral_date`
		))
			await engine.exec(statement);
		// In storage order (rowid): the slices must be written in date order, as the one sort leaves them.
		const rows = async (table: typeof sliced) =>
			(await engine.query<Record<string, unknown>>(sql`SELECT * FROM ${table} ORDER BY rowid`)).map((row) =>
				JSON.stringify(row)
			);
		const whole = await rows(referralFacts);
		expect(whole).toHaveLength(9);
		expect(await rows(sliced)).toEqual(whole);
		const [left] = await engine.query<{ n: number }>(
			sql`SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'sliced_referral_windows'`
		);
		expect(left!.n).toBe(0);
		await engine.exec(sql`DROP TABLE ${sliced}`);
	});
});
