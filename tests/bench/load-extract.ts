import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/chromium';
import { median, percentile, startPreview } from './preview-server';

const sizes = [
	{ label: '100k', rows: 100_000 },
	{ label: '1M', rows: 1_000_000 }
];

/** Generate a benchmark extract once (git-ignored under data/bench/). */
export function extract(label: string, rows: number): string {
	const dir = `data/bench/${label}`;
	if (!existsSync(`${dir}/referrals.parquet`)) {
		execFileSync(
			'npx',
			['tsx', 'data/generator/cli.ts', '--rows', String(rows), '--seed', 'bench', '--out', dir],
			{
				stdio: 'inherit'
			}
		);
	}
	return dir;
}

/** How a bench chooses the heading line on the Data page once the file's first line was not recognised. */
export interface ChosenHeading {
	readonly line: number;
}

/**
 * Seconds from choosing a referrals file on the Data page (a fresh browser context, the demo loaded) to the
 * banner naming it with its exact row count: decode, parse, validate every row in the worker, insert into
 * DuckDB, rebuild the facts tables and cubes. With `heading`, the file's first line is taken for headings
 * and not recognised, and the time runs from choosing `heading.line` as the heading line instead. Returns
 * the seconds and the phases the page timed (`sightline:load:<phase>`, seconds, summed per phase).
 */
export async function dataPageLoad(
	browser: Browser,
	baseUrl: string,
	path: string,
	count: number,
	heading?: ChosenHeading
): Promise<{ seconds: number; phases: Record<string, number> }> {
	const context = await browser.newContext();
	try {
		const page = await context.newPage();
		await page.goto(`${baseUrl}/data/`);
		await page.getByTestId('data-banner').getByText('Synthetic demo data').waitFor({ timeout: 120_000 });
		// The banner shows while DuckDB starts (answers computed ahead); a file is taken once it is ready.
		await page.locator('main[data-status="ready"]').waitFor({ timeout: 120_000 });
		let started = Date.now();
		await page.getByTestId('file-input').setInputFiles(path);
		if (heading) {
			const chooser = page.getByTestId('heading-row');
			await chooser.waitFor({ timeout: 600_000 });
			await chooser.locator('summary').click();
			await page.getByTestId('heading-row-choice').selectOption(String(heading.line));
			// Only this load's phases: the first reading of the file is not part of it.
			await page.evaluate(() => performance.clearMeasures());
			started = Date.now();
			await chooser.getByRole('button', { name: 'Read the headings from this row' }).click();
		}
		await page
			.getByTestId('data-banner')
			// The exact row count appears only once this file is loaded (the demo is also "referrals.csv").
			.getByText(`${basename(path)} (${count.toLocaleString('en-GB')} rows)`)
			.waitFor({ timeout: 1_800_000 });
		const seconds = (Date.now() - started) / 1000;
		// The phases the page timed (state/load-phases.ts): a staged load has no decode or arrow phase.
		const measures = await page.evaluate(() =>
			performance
				.getEntriesByType('measure')
				.filter((entry) => entry.name.startsWith('sightline:load:'))
				.map((entry) => [entry.name.slice('sightline:load:'.length), entry.duration / 1000] as const)
		);
		const phases: Record<string, number> = {};
		for (const [phase, duration] of measures) phases[phase] = (phases[phase] ?? 0) + duration;
		console.log(
			`  Data page ${basename(path)} ${count.toLocaleString('en-GB')}: ${Object.entries(phases)
				.map(([phase, duration]) => `${phase} ${duration.toFixed(1)} s`)
				.join(', ')}`
		);
		return { seconds, phases };
	} finally {
		await context.close();
	}
}

/** The phases the Data page times, in the order a load runs them (`state/load-phases.ts`). */
export const loadPhaseNames = ['read', 'decode', 'validate', 'arrow', 'insert', 'facts', 'cubes'] as const;

/** The median seconds of each phase over a file's loads, as table cells ('–' for a phase none of them ran). */
export function phaseMedianCells(results: readonly { phases: Record<string, number> }[]): string[] {
	return loadPhaseNames.map((phase) => {
		const values = results.flatMap((result) => (phase in result.phases ? [result.phases[phase]!] : []));
		return values.length > 0 ? median(values).toFixed(1) : '–';
	});
}

/** `dataPageLoad`'s seconds alone. */
export async function timeDataPageLoad(
	browser: Browser,
	baseUrl: string,
	path: string,
	count: number
): Promise<number> {
	return (await dataPageLoad(browser, baseUrl, path, count)).seconds;
}

/**
 * Load an extract through the Data page in headless Chromium: time from choosing the file to the report
 * and banner showing it (decode, parse, validate every row in the worker, insert into DuckDB, rebuild the
 * facts tables). Median and p95 of 5 runs per size and format, each in a fresh browser context.
 */
export async function loadExtract(runs = Number(process.env.BENCH_RUNS ?? 5)): Promise<void> {
	const { baseUrl, stop } = await startPreview(4319);
	const browser = await launchChromium();
	const rows: string[] = [
		'| rows | format | median (s) | p95 (s) | rows per second (median) |',
		'| --- | --- | --- | --- | --- |'
	];
	const onlySizes = process.env.BENCH_SIZES?.split(',');
	const formats = (process.env.BENCH_FORMATS?.split(',') ?? ['csv', 'parquet']) as ('csv' | 'parquet')[];
	try {
		for (const { label, rows: count } of sizes) {
			if (onlySizes && !onlySizes.includes(label)) continue;
			const dir = extract(label, count);
			for (const format of formats) {
				const times: number[] = [];
				for (let run = 0; run < runs; run++)
					times.push(await timeDataPageLoad(browser, baseUrl, `${dir}/referrals.${format}`, count));
				rows.push(
					`| ${label} | ${format.toUpperCase()} | ${median(times).toFixed(2)} | ${percentile(times, 95).toFixed(2)} | ${Math.round(count / median(times)).toLocaleString('en-GB')} |`
				);
				console.log(`${label} ${format}: ${times.map((t) => t.toFixed(2)).join(', ')} s`);
			}
		}
	} finally {
		await browser.close();
		stop();
	}
	console.log(rows.join('\n'));
}
