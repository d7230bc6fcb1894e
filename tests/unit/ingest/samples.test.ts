/**
 * The public samples of the statutory formats (`<repo>/../shared/samples`, see its SOURCES.md; the project
 * commits no copy) through the same pipeline as the browser and the CLI. Every count asserted here was
 * found independently of Sightline, by the method named beside it, so a reader bug cannot agree with itself.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { columnValues, ingestFile, type IngestOptions } from '../../../src/lib/ingest';
import { cloneableMatch } from '../../../src/lib/ingest/cloneable-match';
import { samplesDirectory } from '../../fixtures/ingest/samples-directory';

const samples = samplesDirectory();
const today = '2026-12-06';

async function ingest(path: string, options: IngestOptions = {}) {
	const bytes = new Uint8Array(await readFile(join(samples, path)));
	return ingestFile({ name: path, bytes }, { today, contractCheck: 'all', ...options });
}

async function loaded(path: string, options: IngestOptions = {}) {
	const outcome = await ingest(path, options);
	if (outcome.status !== 'loaded') throw new Error(`${path}: ${outcome.status}: ${outcome.reason}`);
	const { result } = outcome;
	expect(result.read).toBe(result.loaded + result.rejectedRows + result.outOfScope);
	return result;
}

describe('statutory samples', () => {
	// Their enrichment of missing episodes, with counts: enrich-episodes.test.ts.
	it('SSDA903 Header table: a reference table, not loaded as referrals', async () => {
		const outcome = await ingest('ssda903/header.csv');
		expect(outcome.status).toBe('reference');
		if (outcome.status !== 'reference') return;
		expect(outcome.reason).toContain('SSDA903 Header table');
		expect(outcome.reason).not.toMatch(/recognised as referrals/i);
	});

	it('SSDA903 Episodes table: a reference table, not loaded as referrals', async () => {
		const outcome = await ingest('ssda903/episodes.csv');
		expect(outcome.status).toBe('reference');
		if (outcome.status === 'reference') expect(outcome.reason).toContain('SSDA903 Episodes table');
	});

	it('SSDA903 XML: every <AMISSING> episode read and loaded, as "area not recorded" until the area is set', async () => {
		// `grep -o '<AMISSING>' fake_903.xml | wc -l` = 6; the file names no local authority.
		const unset = await loaded('ssda903/fake_903.xml');
		expect(unset.table).toBe('missing_episodes');
		expect([unset.read, unset.loaded, unset.rejectedRows, unset.outOfScope]).toEqual([6, 6, 0, 0]);
		expect(new Set(columnValues(unset.columns.district!))).toEqual(new Set(['not_recorded']));
		expect(unset.files[0]!.notes.join(' ')).toContain('--set district=NAME');

		const set = await loaded('ssda903/fake_903.xml', { constants: { district: 'Fenland' } });
		expect([set.read, set.loaded, set.rejectedRows]).toEqual([6, 6, 0]);
		// Looked after where the start falls in one of the child's <EPISODE> periods of care (569768 has none,
		// so keeps the return's "looked after"); sex and age come from the header.
		expect(columnValues(set.columns.looked_after!)).toEqual([false, false, true, false, true, true]);
		expect(columnValues(set.columns.age_at_start!).every((age) => typeof age === 'number')).toBe(true);
		expect(columnValues(set.columns.sex!).every((sex) => sex === 'male' || sex === 'female')).toBe(true);
		expect(new Set(columnValues(set.columns.episode_id!)).size).toBe(6);
	});

	it('CIN census XML: every referral accounted for; no exploitation factor → out of scope', async () => {
		// `grep -o '<CINdetails>' cin-2022.xml | wc -l` = 1, with factors 2A and 2B only (drug misuse by child
		// and parent): not exploitation-related, so out of scope.
		const result = await loaded('cin-census/cin-2022.xml');
		expect(result.table).toBe('referrals');
		expect([result.read, result.loaded, result.rejectedRows, result.outOfScope]).toEqual([1, 0, 0, 1]);
	});

	it('Annex A workbook: recognised with its lists; List 3 loads as referrals when chosen', async () => {
		const outcome = await ingest('annex-a/Annex_A.xlsx');
		expect(outcome.status).toBe('recognised');
		if (outcome.status === 'recognised') expect(outcome.sheets).toHaveLength(11);
		// `unzip Annex_A.xlsx; grep -o '<row ' xl/worksheets/sheet3.xml | wc -l` = 7: headings + 6 referrals.
		const unset = await loaded('annex-a/Annex_A.xlsx', { sheet: 'List 3', table: 'referrals' });
		expect([unset.read, unset.loaded, unset.rejectedRows]).toEqual([6, 6, 0]);
		expect(new Set(columnValues(unset.columns.district!))).toEqual(new Set(['not_recorded']));
		const set = await loaded('annex-a/Annex_A.xlsx', {
			sheet: 'List 3',
			table: 'referrals',
			constants: { district: 'Fenland' }
		});
		expect([set.read, set.loaded, set.rejectedRows]).toEqual([6, 6, 0]);
	});

	it('ONS mid-year estimates (wide): boys and girls by single year, adding up to the persons row', async () => {
		const outcome = await ingest('ons/mid-year_population_estimates_local_authority.csv');
		expect(outcome.status).toBe('population');
		if (outcome.status !== 'population') return;
		const { population } = outcome;
		// awk -F, '$5=="Persons"{for(i=10;i<=19;i++)a+=$i; for(i=20;i<=27;i++)b+=$i; print a, b}' = 30621 26005
		// (columns 10–27 are the ages 0–17); the Females and Males rows are used, and add up to the same.
		const band = (code: string) =>
			population.rows.filter((row) => row.age_band === code).reduce((sum, row) => sum + row.children, 0);
		expect([band('0-9'), band('10-17')]).toEqual([30621, 26005]);
		expect(population.rows).toHaveLength(2 * 18);
		expect(population.rows.every((row) => row.district === 'E08000009' && row.year === 2020)).toBe(true);
		expect([population.read, population.used, population.skipped]).toEqual([3, 2, 1]);
		expect(population.areas).toEqual([{ code: 'E08000009', name: 'Trafford', inReference: false }]);
	});
});

describe('worker hand-off', () => {
	it('a match with a constant and a derived ID clones for postMessage once its functions are dropped', async () => {
		const outcome = await ingest('ssda903/fake_903.xml', { constants: { district: 'Fenland' } });
		if (outcome.status !== 'loaded') throw new Error(outcome.status);
		expect(() => structuredClone(outcome.match)).toThrow();
		const clone = structuredClone(cloneableMatch(outcome.match));
		expect(clone.columns.find((column) => column.field === 'district')).toMatchObject({
			how: 'constant',
			index: -1
		});
	});
});

describe('a return that names no area, on the Data page', () => {
	it('opens the mapping step asking for District, then loads with one value for the whole file', async () => {
		const asked = await ingest('ssda903/fake_903.xml', { areaNotRecorded: 'ask' });
		expect(asked.status).toBe('needs-mapping');
		if (asked.status !== 'needs-mapping') return;
		expect(asked.reason).toMatch(/^The file does not say which area it covers/);
		expect(asked.match.missingRequired).toEqual(['district']);
		const answered = await ingest('ssda903/fake_903.xml', {
			areaNotRecorded: 'ask',
			profile: {
				name: 'one area',
				table: 'missing_episodes',
				columns: {},
				constants: { district: 'Fenland' }
			}
		});
		expect(answered.status).toBe('loaded');
	});
});
