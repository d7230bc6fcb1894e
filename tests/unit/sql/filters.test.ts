import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '$lib/engine/engine';
import { referralFacts } from '$lib/sql/derived';
import { episodeColumns, filterPredicate, referralColumns } from '$lib/sql/filters';
import { sql } from '$lib/sql/sql';
import type { Filters } from '$lib/domain/filters';
import { engineWith, referral } from '../../helpers/engine';

let engine: Engine;
beforeAll(async () => {
	engine = await engineWith({
		referrals: [
			referral({
				referral_id: 'R1',
				child_id: "C'1",
				referral_date: '2024-01-01',
				age_at_referral: 9,
				district: 'fenland'
			}),
			referral({
				referral_id: 'R2',
				child_id: 'C2',
				referral_date: '2024-02-01',
				age_at_referral: 12,
				district: 'cambridge',
				gender: 'female'
			}),
			referral({
				referral_id: 'R3',
				child_id: 'C3',
				referral_date: '2024-03-01',
				age_at_referral: 15,
				district: 'peterborough',
				looked_after: true
			}),
			referral({
				referral_id: 'R4',
				child_id: 'C4',
				referral_date: '2024-04-01',
				age_at_referral: 17,
				district: 'peterborough',
				looked_after: null,
				ethnicity: null
			})
		]
	});
});
afterAll(() => engine.close());

async function count(filters: Filters): Promise<number> {
	const [row] = await engine.query<{ n: number }>(
		sql`SELECT count(*) AS n FROM ${referralFacts} WHERE ${filterPredicate(filters, referralColumns)}`
	);
	return row!.n;
}

describe('filterPredicate on DuckDB', () => {
	it('matches everything with no filters', async () => {
		expect(filterPredicate({}, referralColumns).text).toBe('TRUE');
		expect(await count({})).toBe(4);
	});

	it('applies period bounds inclusively', async () => {
		expect(await count({ from: '2024-02-01', to: '2024-03-01' })).toBe(2);
	});

	it('applies list filters, age bands and looked-after', async () => {
		expect(await count({ districts: ['peterborough'] })).toBe(2);
		expect(await count({ districts: [] })).toBe(0);
		expect(await count({ ageBands: ['0-9', '17'] })).toBe(2);
		expect(await count({ genders: ['female'] })).toBe(1);
		expect(await count({ lookedAfter: true })).toBe(1);
		expect(await count({ lookedAfter: false })).toBe(2);
		expect(await count({ ethnicities: ['white'], districts: ['peterborough'] })).toBe(1);
	});

	it('leaves out excepted filters (a chart does not filter itself)', async () => {
		const predicate = filterPredicate({ districts: ['fenland'], genders: ['female'] }, referralColumns, [
			'districts'
		]);
		expect(predicate.text).not.toContain('district');
	});

	it('ignores filters a table has no column for', () => {
		const predicate = filterPredicate({ genders: ['female'], districts: ['fenland'] }, episodeColumns);
		expect(predicate.text).not.toContain('gender');
		expect(predicate.text).toContain('district');
	});
});
