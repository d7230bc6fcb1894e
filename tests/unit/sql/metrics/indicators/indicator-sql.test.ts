import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indicatorColumns, indicatorLevels } from '$lib/contract';
import type { Engine } from '$lib/engine/engine';
import { assessedFlag, referralFacts } from '$lib/sql/derived';
import { isPresent, perIndicatorList, presentCount } from '$lib/sql/metrics/indicators/indicator-sql';
import { sql } from '$lib/sql/sql';
import { engineWith, referral } from '../../../../helpers/engine';

// One referral per level of "missing" (and one with it blank); R_all has all 12 present, the last one
// (contract order) at `high`, so the bitmask's top bit is exercised too.
const levels = [...indicatorLevels.codes, null];
let engine: Engine;
beforeAll(async () => {
	engine = await engineWith({
		referrals: [
			...levels.map((level, i) =>
				referral({ referral_id: `R${i}`, child_id: `C${i}`, ind_missing: level, ind_gifts: 'low' })
			),
			referral({
				referral_id: 'R_all',
				child_id: 'C_all',
				...Object.fromEntries(indicatorColumns.map((column) => [column, 'high']))
			})
		]
	});
});
afterAll(() => engine.close());

describe('indicator SQL fragments over the facts', () => {
	it('counts every level but none and not assessed as present, and never yields NULL', async () => {
		const rows = await engine.query<{ level: string | null; present: boolean; assessed: boolean }>(
			sql`SELECT CAST(ind_missing AS VARCHAR) AS level, ${isPresent('ind_missing')} AS present,
				${assessedFlag('ind_missing')} = 1 AS assessed
			FROM ${referralFacts} WHERE referral_id <> 'R_all' ORDER BY referral_id`
		);
		expect(rows).toEqual(
			levels.map((level) => ({
				level,
				present: level !== null && ['low', 'medium', 'high', 'present'].includes(level),
				assessed: level !== null && level !== 'not_assessed'
			}))
		);
	});

	it('counts the indicators present on each referral, up to all 12', async () => {
		const rows = await engine.query<{ referral_id: string; n: number; last: boolean }>(
			sql`SELECT referral_id, ${presentCount()} AS n, ${isPresent(indicatorColumns[11]!)} AS last
			FROM ${referralFacts} ORDER BY referral_id`
		);
		const byId = Object.fromEntries(rows.map((row) => [row.referral_id, row]));
		expect(byId.R_all).toEqual({ referral_id: 'R_all', n: 12, last: true });
		// R1 is `low` on missing plus `low` on gifts; R0 is `none` on missing.
		expect(byId.R1!.n).toBe(2);
		expect(byId.R0!.n).toBe(1);
	});

	it('builds the per-indicator list from the contract, in its order', () => {
		const list = perIndicatorList((column) => ({ n: sql`count(${column})` })).text;
		expect(list.startsWith(`[{'indicator': 'ind_missing', 'n': count('ind_missing')}`)).toBe(true);
		expect(list.match(/'indicator':/g)).toHaveLength(12);
	});
});
