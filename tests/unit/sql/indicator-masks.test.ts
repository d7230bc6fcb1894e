import { describe, expect, it } from 'vitest';
import { indicatorColumns, indicatorLevels, presentLevels } from '$lib/contract';
import { referralFacts } from '$lib/sql/derived';
import { referralEnumIn } from '$lib/sql/schema';
import { sql } from '$lib/sql/sql';
import { engineWith, referral } from '../../helpers/engine';
import { engineForFile } from '../../helpers/file-engine';

// Every level of every indicator, and a blank cell: referral k gives indicator i the level (i + k) mod 7,
// the 7th being blank, so each indicator takes each level once and no two indicators move together.
const levels = [...indicatorLevels.codes, null] as const;
const rows = levels.map((_, k) =>
	referral({
		referral_id: `R${k}`,
		child_id: `C${k}`,
		...Object.fromEntries(indicatorColumns.map((column, i) => [column, levels[(i + k) % levels.length]!]))
	})
);

/** The masks as their definition says, computed here from the levels. */
function expectedMasks(k: number): { present_mask: number; assessed_mask: number } {
	let present = 0;
	let assessed = 0;
	indicatorColumns.forEach((_, i) => {
		const level = levels[(i + k) % levels.length] ?? null;
		if (level !== null && (presentLevels as readonly string[]).includes(level)) present |= 1 << i;
		if (level !== null && level !== 'not_assessed') assessed |= 1 << i;
	});
	return { present_mask: present, assessed_mask: assessed };
}

const engine = engineForFile(() => engineWith({ referrals: rows }));

describe('indicator masks', () => {
	it('set bit i for every present level and every assessed one, and for no blank cell', async () => {
		const facts = await engine.query<{ referral_id: string; present_mask: number; assessed_mask: number }>(
			sql`SELECT referral_id, present_mask, assessed_mask FROM ${referralFacts} ORDER BY referral_id`
		);
		expect(facts).toEqual(levels.map((_, k) => ({ referral_id: `R${k}`, ...expectedMasks(k) })));
	});

	it('test the ENUM position as a comparison with the codes would, NULL for a blank cell', async () => {
		const column = indicatorColumns[0]!;
		const tests = {
			present: referralEnumIn(sql`ind`, column, presentLevels),
			none: referralEnumIn(sql`ind`, column, ['none']),
			gapped: referralEnumIn(sql`ind`, column, ['none', 'high', 'not_assessed'])
		};
		expect(tests.present.text).toContain('BETWEEN');
		expect(tests.gapped.text).toContain('IN (');
		const answers = await engine.query<Record<string, string | boolean | null>>(
			sql`SELECT CAST(ind AS VARCHAR) AS level, ${tests.present} AS present, ${tests.none} AS none, ${tests.gapped} AS gapped
FROM (SELECT ind_missing AS ind FROM referrals) ORDER BY level NULLS LAST`
		);
		expect(answers).toEqual(
			[...[...indicatorLevels.codes].sort(), null].map((level) => ({
				level,
				present: level === null ? null : (presentLevels as readonly string[]).includes(level),
				none: level === null ? null : level === 'none',
				gapped: level === null ? null : ['none', 'high', 'not_assessed'].includes(level)
			}))
		);
		expect(() => referralEnumIn(sql`ind`, column, ['absent'])).toThrow(/no codes absent/);
	});
});
