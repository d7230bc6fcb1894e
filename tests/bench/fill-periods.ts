import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as aq from 'arquero';
import { districts } from '../../src/lib/contract';
import { periodRange, periodStart, type Grain } from '../../src/lib/domain/calendar';
import type { Filters } from '../../src/lib/domain/filters';
import { loadPopulation } from '../../src/lib/engine/load-reference';
import { createSchema, loadContractCsv, refreshFacts } from '../../src/lib/engine/load-tables';
import { createNodeEngine } from '../../src/lib/engine/node-engine';
import { dataExtent, type DataExtent } from '../../src/lib/sql/metrics/data-extent';
import { childSeries } from '../../src/lib/sql/metrics/trends/child-series';
import { referralSeries } from '../../src/lib/sql/metrics/trends/referral-series';
import { ALL_AREAS, type SeriesQuery } from '../../src/lib/sql/metrics/trends/period-area-grid';
import { join, literal, sql, Sql } from '../../src/lib/sql/sql';
import { fillPeriods } from '../../src/lib/transform/fill-periods';
import { median } from './preview-server';

/** Any fixed secret: benches time queries, whatever the record keys. */
const TEST_SECRET = 'sightline-bench';

/**
 * Padding series in the view (`fillPeriods`, on the main thread) against the 100 ms redraw target, and what
 * it saves in DuckDB: `npm run bench -- fill-periods`. Prints the median time of `fillPeriods` on realistic
 * series next to the same padding by Arquero's cross join, left join, impute and orderby (what the transform
 * worker ran, without the worker hop), then the series queries with and without the SQL calendar × areas
 * grid they used to carry, on the extract of BENCH_SIZES (default 1M; generated into data/bench/ if absent).
 */
export async function fillPeriodsBench(): Promise<void> {
	padding();
	await queries();
}

function time(runs: number, body: () => unknown): number {
	const times: number[] = [];
	for (let run = 0; run < runs; run++) {
		const start = performance.now();
		body();
		times.push(performance.now() - start);
	}
	return median(times);
}

function padding(): void {
	const measures = [
		'referrals',
		'repeat_referrals',
		'looked_after',
		'looked_after_known',
		'under_15',
		'children'
	];
	console.log('| series | cells | rows in | fillPeriods median (ms) | Arquero median (ms) | ratio |');
	console.log('|---|---|---|---|---|---|');
	for (const [label, first, last, areaCount] of [
		['60 months × 7 areas × 6 measures', '2021-12-01', '2026-11-01', 7],
		['10 years × 25 areas, monthly, 6 measures', '2016-12-01', '2026-11-01', 25]
	] as const) {
		const periods = periodRange(first, last, 'month');
		const areas = Array.from({ length: areaCount }, (_, index) => `area_${String(index).padStart(2, '0')}`);
		let seed = 1;
		const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
		// About one cell in four empty, as in a district's months at the demo's scale.
		const rows = periods.flatMap((period) =>
			areas
				.filter(() => random() < 0.75)
				.map((area) => ({
					period,
					area,
					...Object.fromEntries(measures.map((m) => [m, Math.floor(random() * 40)]))
				}))
		);
		const options = { grain: 'month' as const, first, last, keys: { area: areas }, values: measures };
		const ours = time(50, () => fillPeriods(rows, options));
		const arquero = time(20, () =>
			aq
				.table({ period: periods })
				.cross(aq.table({ area: areas }))
				.join_left(
					aq.from(rows),
					[
						['period', 'area'],
						['period', 'area']
					],
					[['period', 'area'], measures]
				)
				.impute(Object.fromEntries(measures.map((m) => [m, () => 0])))
				.orderby('period', 'area')
				.objects()
		);
		console.log(
			`| ${label} | ${periods.length * areas.length} | ${rows.length} | ${ours.toFixed(2)} | ${arquero.toFixed(2)} | ${(arquero / ours).toFixed(1)}× |`
		);
	}
}

/** The query a series metric ran before padding moved to the view: the calendar × areas grid in SQL. */
function withGrid(filters: Filters, series: SeriesQuery, grain: Grain, first: string, last: string): Sql {
	const areas = [ALL_AREAS, ...(filters.districts ?? districts.codes)];
	const step = new Sql(grain === 'month' ? 'INTERVAL 1 MONTH' : 'INTERVAL 3 MONTH');
	const names = series.reshape.options.values;
	// The cells query as it was inside the grid: the period as a DATE, no window of its own (the join bounded it).
	const counts = series.query.text
		.replace(/^SELECT CAST\(period AS VARCHAR\) AS period,/, 'SELECT period,')
		.replace(/ AND month >= CAST\('[^']*' AS DATE\) AND month < CAST\('[^']*' AS DATE\)/, '');
	if (counts === series.query.text) throw new Error('the series query changed shape: update withGrid');
	return sql`WITH periods AS (SELECT CAST(generate_series AS DATE) AS period FROM generate_series(CAST(${periodStart(first, grain)} AS TIMESTAMP), CAST(${periodStart(last, grain)} AS TIMESTAMP), ${step})),
areas AS (SELECT * FROM (VALUES ${join(areas.map((area) => sql`(${literal(area)})`))}) AS a(area)),
counts AS (${new Sql(counts)})
SELECT CAST(p.period AS VARCHAR) AS period, a.area, ${join(names.map((name) => new Sql(`COALESCE(c.${name}, 0) AS ${name}`)))}
FROM periods p CROSS JOIN areas a
LEFT JOIN counts c ON c.period = p.period AND c.area = a.area
ORDER BY p.period, a.area = ${ALL_AREAS} DESC, a.area`;
}

async function queries(): Promise<void> {
	const label = process.env.BENCH_SIZES?.split(',')[0] ?? '1M';
	const rows = { '10k': 10_000, '100k': 100_000, '1M': 1_000_000 }[label];
	if (rows === undefined) throw new Error(`BENCH_SIZES: one of 10k, 100k, 1M (not ${label})`);
	const dir = `data/bench/${label}`;
	if (!existsSync(`${dir}/referrals.csv`))
		execFileSync(
			'npx',
			['tsx', 'data/generator/cli.ts', '--rows', String(rows), '--seed', 'bench', '--out', dir],
			{
				stdio: 'inherit'
			}
		);
	const engine = await createNodeEngine();
	await createSchema(engine, TEST_SECRET);
	await loadPopulation(engine, readFileSync('data/reference/district-population.csv', 'utf8'));
	for (const table of ['referrals', 'missing_episodes'] as const)
		await loadContractCsv(engine, table, readFileSync(`${dir}/${table}.csv`, 'utf8'));
	await refreshFacts(engine);
	const [extent] = await engine.query<DataExtent>(dataExtent());
	const window = {
		grain: 'month' as const,
		first: extent!.first_referral!,
		last: extent!.last_referral!,
		areas: districts.codes
	};
	const runs = 20;
	const timed = async (query: Sql) => {
		const times: number[] = [];
		for (let run = 0; run < runs + 2; run++) {
			const start = performance.now();
			await engine.query(query);
			if (run >= 2) times.push(performance.now() - start); // two warm-up runs
		}
		return median(times);
	};
	console.log(
		`\n| ${label} referrals, ${runs} runs | with SQL grid (ms) | cells + fillPeriods (ms) | ratio |`
	);
	console.log('|---|---|---|---|');
	for (const [name, filters, metric] of [
		['referralSeries (cube), no filter', {}, referralSeries],
		['referralSeries (cube), 2 districts', { districts: districts.codes.slice(0, 2) }, referralSeries],
		['childSeries (facts), no filter', {}, childSeries]
	] as const) {
		const series = metric(filters, window);
		const grid = await timed(withGrid(filters, series, window.grain, window.first, window.last));
		const cells = await timed(series.query);
		const answer = await engine.query(series.query);
		const padded = time(runs, () => fillPeriods(answer, series.reshape.options));
		// The same rows either way, at this scale too.
		const before = await engine.query(withGrid(filters, series, window.grain, window.first, window.last));
		if (JSON.stringify(before) !== JSON.stringify(fillPeriods(answer, series.reshape.options)))
			throw new Error(`${name}: padded rows differ from the SQL grid's`);
		const total = cells + padded;
		console.log(
			`| ${name} | ${grid.toFixed(1)} | ${cells.toFixed(1)} + ${padded.toFixed(2)} | ${(grid / total).toFixed(2)}× |`
		);
	}
	await engine.close();
}
