import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { samplesDirectory } from '../../fixtures/ingest/samples-directory';

const root = join(import.meta.dirname, '../../..');
const sample = (path: string) => join(samplesDirectory(), path);

/** `npx tsx src/cli/validate.ts …` as an analyst runs it, with output and exit code. */
async function validate(...args: string[]): Promise<{ code: number; stdout: string }> {
	try {
		const { stdout } = await promisify(execFile)('npx', ['tsx', 'src/cli/validate.ts', ...args], {
			cwd: root,
			env: { ...process.env, TZ: 'Europe/London', NO_COLOR: '1' }
		});
		return { code: 0, stdout };
	} catch (error) {
		const failed = error as { code: number; stdout: string };
		return { code: failed.code, stdout: failed.stdout };
	}
}

// Counts are those of samples.test.ts (found there independently); here: the CLI says them.
describe.concurrent('npm run validate on the statutory samples', { timeout: 120_000 }, () => {
	it('SSDA903 XML, no options: six episodes loaded as "area not recorded", said once how to set it', async () => {
		const { code, stdout } = await validate(sample('ssda903/fake_903.xml'), '--today', '2026-12-06');
		expect(code).toBe(0);
		expect(stdout).toContain('Table: missing_episodes (SSDA903 return (XML))');
		expect(stdout).toContain('Rows: read 6, loaded 6, rejected 0, warnings 0');
		expect(stdout).toContain('district ← "Area not recorded');
		expect(stdout).toContain('--set district=NAME');
	});

	it('CIN census XML, no options: the out-of-scope referral is counted', async () => {
		const { code, stdout } = await validate(sample('cin-census/cin-2022.xml'), '--today', '2026-12-06');
		expect(code).toBe(0);
		expect(stdout).toContain('Rows: read 1, loaded 0, rejected 0, out of scope 1, warnings 0');
	});

	it('SSDA903 Header, no options: says what it is, not "referrals"', async () => {
		const { code, stdout } = await validate(sample('ssda903/header.csv'));
		expect(code).toBe(0);
		expect(stdout).toContain('Recognised as: SSDA903 Header table, a reference table.');
		expect(stdout).toContain('Read 2,675 rows: 2,675 children.');
		expect(stdout).toContain('give the SSDA903 Missing table in the same command');
		expect(stdout).not.toContain('Table: referrals');
	});

	it('a Missing table with the Header and Episodes samples, in any order: the enrichment is reported', async () => {
		// Counts of enrich-episodes.test.ts, found there by hand.
		const { code, stdout } = await validate(
			sample('ssda903/episodes.csv'),
			join(root, 'tests/fixtures/ingest/ssda903/missing-for-samples.csv'),
			sample('ssda903/header.csv'),
			'--today',
			'2026-12-06'
		);
		expect(code).toBe(0);
		expect(stdout).toContain('Rows: read 5, loaded 5, rejected 0, warnings 0');
		expect(stdout).toContain(
			"Enriched: Looked-after status at the start added to 4 of 5 missing episodes from episodes.csv; 3 began in a period of care, 1 outside one; 1 episode's child is not in the episodes table (status unchanged)."
		);
		expect(stdout).toContain(
			"Enriched: Sex and age added to 4 of 5 missing episodes from header.csv; 1 episode's child is not in the header."
		);
		expect(stdout).toContain('Read 5,050 rows: 5,050 periods of care.');
	});

	it('ONS estimates, no options: reported as a population reference', async () => {
		const { code, stdout } = await validate(sample('ons/mid-year_population_estimates_local_authority.csv'));
		expect(code).toBe(0);
		expect(stdout).toContain(
			'Area Trafford (E08000009, not in the bundled area reference): children aged 0–9 30,621, 10–17 26,005'
		);
	});

	it('Annex A: asks for the list without options; loads List 3 with --sheet and --table', async () => {
		const bare = await validate(sample('annex-a/Annex_A.xlsx'));
		expect(bare.code).toBe(2);
		expect(bare.stdout).toContain('--sheet "List 3" --table referrals');
		const chosen = await validate(
			sample('annex-a/Annex_A.xlsx'),
			'--sheet',
			'List 3',
			'--table',
			'referrals',
			'--today',
			'2026-12-06'
		);
		expect(chosen.code).toBe(0);
		expect(chosen.stdout).toContain('Rows: read 6, loaded 6, rejected 0, warnings 0');
		expect(chosen.stdout).toContain('district ← "Area not recorded');
	});
});
