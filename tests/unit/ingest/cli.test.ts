import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const fixture = (name: string) => join(root, 'tests/fixtures/ingest', name);

// The tsx that `npx tsx` runs, started with node directly: npx adds a whole npm start-up to every case.
const tsx = join(root, 'node_modules/tsx/dist/cli.mjs');

/** Runs the validator as an analyst would (`npx tsx src/cli/validate.ts …`), capturing output and exit code. */
async function validate(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
	try {
		const { stdout, stderr } = await promisify(execFile)(
			process.execPath,
			[tsx, 'src/cli/validate.ts', ...args],
			{
				cwd: root,
				env: { ...process.env, TZ: 'Europe/London', NO_COLOR: '1' }
			}
		);
		return { code: 0, stdout, stderr };
	} catch (error) {
		const failed = error as { code: number; stdout: string; stderr: string };
		return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
	}
}

// Each case spawns tsx (a second or more on a busy machine), so the cases run concurrently with a long timeout.
describe.concurrent('npm run validate', { timeout: 120_000 }, () => {
	it('exits 0 and prints the counts when every row loads', async () => {
		const { code, stdout } = await validate(fixture('utf8-bom.csv'), '--today', '2024-06-30');
		expect(code).toBe(0);
		expect(stdout).toContain('Sightline validation report: utf8-bom.csv');
		expect(stdout).toContain('Format: CSV, utf-8-bom, delimiter ","');
		expect(stdout).toContain('Rows: read 4, loaded 4, rejected 0, warnings 0');
		expect(stdout).toContain('Referral date range: 2024-01-15 to 2024-02-28');
	});

	it('exits 1 and lists each rejection with row, line, column, value and reason', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'sightline-'));
		const report = join(dir, 'report.csv');
		const { code, stdout } = await validate(
			fixture('windows-1252-crlf.csv'),
			'--today=2024-06-30',
			'--report',
			report
		);
		expect(code).toBe(1);
		expect(stdout).toContain('Format: CSV, windows-1252, delimiter ","');
		expect(stdout).toContain('Rows: read 4, loaded 3, rejected 1, warnings 0');
		expect(stdout).toContain(
			'data row 3 (line 4), column "District", value "Norwich": "Norwich" is not a recognised District'
		);
		expect(stdout).toContain('Ignored columns: "Notes"');
		expect(await readFile(report, 'utf8')).toContain('rejected,windows-1252-crlf.csv,3,4,District,Norwich,');
	});

	it('exits 1 for the mm/dd file and explains the month-first hint', async () => {
		const { code, stdout } = await validate(fixture('dates-month-first.csv'), '--today', '2024-06-30');
		expect(code).toBe(1);
		expect(stdout).toContain(
			'"12/25/2023" is not a valid dd/mm/yyyy date (there is no month 25: it looks month-first)'
		);
		expect(stdout).toContain('Note: 2 dates (first on data row 1: "12/25/2023") can only be month-first');
	});

	it('exits 2 with one message for a file that cannot be read at all', async () => {
		const { code, stdout } = await validate(fixture('png-renamed.csv'));
		expect(code).toBe(2);
		expect(stdout).toContain(
			'Cannot read this file: This file is not a spreadsheet or data file: it is a PNG image.'
		);
	});

	it('exits 2 when a required column is missing, and loads with a mapping profile', async () => {
		const unmapped = await validate(fixture('profile-mapped.csv'), '--today', '2024-06-30');
		expect(unmapped.code).toBe(2);
		expect(unmapped.stdout).toContain('Cannot load this file yet: No column was recognised as');
		const mapped = await validate(
			fixture('profile-mapped.csv'),
			'--mapping',
			fixture('profile-mapped.profile.json'),
			'--today',
			'2024-06-30'
		);
		expect(mapped.code).toBe(1);
		expect(mapped.stdout).toContain('Rows: read 3, loaded 2, rejected 1, warnings 0');
	});

	it('exits 2 on bad arguments, with the usage line', async () => {
		const { code, stderr } = await validate('--table', 'contacts', fixture('utf8-basic.csv'));
		expect(code).toBe(2);
		expect(stderr).toContain('--table must be one of referrals, missing_episodes.');
		expect(stderr).toContain('Usage: npm run validate -- FILE');
		expect((await validate(join(root, 'no-such-file.csv'))).code).toBe(2);
	});
});
