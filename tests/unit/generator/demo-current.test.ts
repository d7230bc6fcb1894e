/**
 * The committed demo extract is what the generator produces for the default options, so CI proves it is
 * current. After changing the generator, run `npm run generate` and commit data/demo and data/reference.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { population } from '$lib/contract';
import { recordsToCsv, toCsv } from '../../../data/generator/csv-encode';
import { districtPopulation } from '../../../data/generator/district-population';
import { windowYears } from '../../../data/generator/generate-extract';
import { demoOptions } from '../../../data/generator/generator-options';
import { sha256, type Manifest } from '../../../data/generator/manifest';
import { fromParquet, toParquet } from '../../../data/generator/parquet-encode';
import { GENERATOR_VERSION } from '../../../data/generator/version';
import { demoExtract } from './demo-extract';

const read = (path: string): Buffer => readFileSync(new URL(`../../../data/${path}`, import.meta.url));
const hint = 'data/demo is stale: run `npm run generate` and commit data/demo and data/reference';

describe('committed demo extract', () => {
	const demo = demoExtract();

	it('has the CSV files the generator produces for the default options', () => {
		expect(read('demo/referrals.csv').toString('utf8'), hint).toBe(toCsv(demo.referrals));
		expect(read('demo/missing_episodes.csv').toString('utf8'), hint).toBe(toCsv(demo.missingEpisodes));
	});

	it('has the Parquet files the generator produces, which read back to the same tables', async () => {
		for (const [name, table] of [
			['referrals', demo.referrals],
			['missing_episodes', demo.missingEpisodes]
		] as const) {
			const committed = new Uint8Array(read(`demo/${name}.parquet`));
			expect(sha256(committed), hint).toBe(sha256(await toParquet(table)));
			const back = fromParquet(committed);
			expect(back.numRows).toBe(table.length);
			expect(back.schema.fields.map((f) => f.name)).toEqual(table.fields.map((f) => f.name));
		}
	});

	it('has the district population reference', () => {
		const expected = recordsToCsv(
			population.fields.map((field) => field.name),
			districtPopulation(windowYears(demoOptions))
		);
		expect(read('reference/district-population.csv').toString('utf8'), hint).toBe(expected);
	});

	it('has a manifest with the row counts, options, version and checksum of every file', () => {
		const manifest = JSON.parse(read('demo/manifest.json').toString('utf8')) as Manifest;
		expect(manifest.version).toBe(GENERATOR_VERSION);
		expect(manifest.options).toEqual(demoOptions);
		expect(manifest.rows).toEqual({
			referrals: demo.referrals.length,
			missing_episodes: demo.missingEpisodes.length
		});
		expect(manifest.files.map((file) => file.path)).toEqual([
			'referrals.csv',
			'referrals.parquet',
			'missing_episodes.csv',
			'missing_episodes.parquet',
			'../reference/district-population.csv'
		]);
		for (const file of manifest.files) {
			const bytes = read(`demo/${file.path}`);
			expect(file.sha256, `${file.path} checksum`).toBe(sha256(bytes));
			expect(file.bytes).toBe(bytes.length);
		}
	});

	it('stays small enough to commit', () => {
		for (const file of ['referrals.csv', 'missing_episodes.csv']) {
			expect(read(`demo/${file}`).length).toBeLessThan(1_500_000);
		}
	});
});
