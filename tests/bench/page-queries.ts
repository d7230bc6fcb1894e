import { existsSync, readFileSync } from 'node:fs';
import { cambridgeshireAndPeterborough } from '../../src/lib/contract';
import type { Filters } from '../../src/lib/domain/filters';
import type { Engine } from '../../src/lib/engine/engine';
import { loadPopulation } from '../../src/lib/engine/load-reference';
import { createSchema, loadContractCsv, refreshFacts } from '../../src/lib/engine/load-tables';
import { createNodeEngine } from '../../src/lib/engine/node-engine';
import { evaluatePage, type PageContext, type PageDefinition } from '../../src/lib/page/define-page';
import { derivedTables } from '../../src/lib/sql/derived-tables';
import { dataExtent, type DataExtent } from '../../src/lib/sql/metrics/data-extent';
import { sql, type Sql } from '../../src/lib/sql/sql';
import { childrenPage } from '../../src/routes/children/children-page';
import { cohortsPage } from '../../src/routes/cohorts/cohorts-page';
import { districtsPage } from '../../src/routes/districts/districts-page';
import { indicatorsPage } from '../../src/routes/indicators/indicators-page';
import { missingPage } from '../../src/routes/missing/missing-page';
import { overviewPage } from '../../src/routes/overview-page';
import { pathwayPage } from '../../src/routes/pathway/pathway-page';
import { trendsPage } from '../../src/routes/trends/trends-page';
import { loadNodeTables, sizes } from './filter-change';
import { median, percentile } from './preview-server';

/** Any fixed secret: benches time queries, whatever the record keys. */
const TEST_SECRET = 'sightline-bench';

const definitions: Record<string, PageDefinition<PageContext>> = {
	Overview: overviewPage as unknown as PageDefinition<PageContext>,
	Trends: trendsPage as unknown as PageDefinition<PageContext>,
	Children: childrenPage as unknown as PageDefinition<PageContext>,
	Indicators: indicatorsPage as unknown as PageDefinition<PageContext>,
	'Missing episodes': missingPage as unknown as PageDefinition<PageContext>,
	Districts: districtsPage as unknown as PageDefinition<PageContext>,
	Pathway: pathwayPage as unknown as PageDefinition<PageContext>,
	Cohorts: cohortsPage as unknown as PageDefinition<PageContext>
};

const codes = cambridgeshireAndPeterborough.enumeration.codes;
/** The filter-change bench's district clicks (1…6 on in turn, then off), as filter states. */
function districtStates(offset: number, count: number): Filters[] {
	const chosen = new Set<string>();
	const clicks = [0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4];
	return Array.from({ length: count }, (_, change) => {
		const code = codes[(clicks[change % clicks.length]! + offset) % codes.length]!;
		if (chosen.has(code)) chosen.delete(code);
		else chosen.add(code);
		return chosen.size > 0 ? { districts: [...chosen].sort() } : {};
	});
}

/** Filters the cohort work added, each of which some cube cannot answer. */
const cohortStates: Filters[] = [
	{ indicators: { conditions: { ind_drugs: 'present', ind_missing: 'present' }, match: 'any' } },
	{ indicators: { conditions: { ind_drugs: 'present', ind_coercion: 'present' }, match: 'all' } },
	{ ageFrom: 13, ageTo: 15 },
	{ interventions: ['deter', 'not_recorded'] },
	{ stages: ['central_list', 'mase_discussed'] },
	{ repeat: true },
	{ nrm: true },
	{ ethnicities: ['white'] },
	{ districts: [codes[1]!], from: '2023-02-14', to: '2024-05-20' },
	{ genders: ['female'], lookedAfter: true, districts: [codes[2]!, codes[3]!] }
];

/**
 * The cohort filters of the filter-change bench's cohort mode without an indicator (cohort-changes.ts): an age
 * range, an intervention and a stage, alone and together, the states the cohort cubes are for.
 */
const cohortCubeStates: Filters[] = [
	{ ageFrom: 13 },
	{ ageFrom: 13, interventions: ['deter'] },
	{ interventions: ['deter'] },
	{ interventions: ['deter'], stages: ['central_list'] },
	{ ageFrom: 13, interventions: ['deter'], stages: ['central_list'] },
	{ ageFrom: 13, stages: ['central_list'] },
	{ stages: ['central_list'] },
	{ stages: ['central_list'], ageTo: 16 },
	{ ageFrom: 13, ageTo: 16, stages: ['central_list'] },
	{ ageFrom: 13, ageTo: 16, interventions: ['deter'], stages: ['central_list'], districts: [codes[0]!] }
];

/**
 * Periods that start or end mid-month (a reader's dates, or a link's), alone and with the filters an episode
 * has: the cubes answer whole months, so these are what the part-month path is for.
 */
const partMonthStates: Filters[] = [
	{ from: '2024-03-14', to: '2025-09-20' },
	{ from: '2023-01-01', to: '2025-06-15' },
	{ from: '2022-07-09', to: '2026-10-31' },
	{ from: '2024-03-14', to: '2025-09-20', districts: [codes[0]!] },
	{ from: '2024-03-14', to: '2025-09-20', districts: [codes[1]!, codes[4]!] },
	{ from: '2025-02-03', to: '2025-02-24' },
	{ from: '2024-03-14', to: '2025-09-20', ageFrom: 13 },
	{ from: '2024-03-14', to: '2025-09-20', lookedAfter: true },
	{ from: '2024-03-14', to: '2025-09-20', ageBands: ['13-14', '15-16'] },
	{ from: '2023-05-17', to: '2026-01-08', districts: [codes[2]!], ageTo: 15 }
];

/** An engine that times every query it answers. */
function timed(engine: Engine): { engine: Engine; log: { ms: number; text: string }[] } {
	const log: { ms: number; text: string }[] = [];
	return {
		log,
		engine: {
			...engine,
			async query<Row extends object>(query: Sql): Promise<Row[]> {
				const start = performance.now();
				const rows = await engine.query<Row>(query);
				log.push({ ms: performance.now() - start, text: query.text });
				return rows;
			}
		}
	};
}

/**
 * The DuckDB part of a filter change, page by page, without a browser: each page definition evaluated in Node
 * (DuckDB-WASM, the same build) at BENCH_SIZES (default 1M; `demo` for the demo extract) under the filter-change bench's district clicks
 * and under the cohort filters, every query of the page timed back to back. Prints median and p95 of a
 * change's total query time next to the cube floor (one GROUP BY on the referral cube), and each page's
 * slowest queries. Quick to rerun while changing SQL; `filter-change` gives the browser's figures.
 */
export async function pageQueries(): Promise<void> {
	const size = process.env.BENCH_SIZES?.split(',')[0] ?? '1M';
	const dir = size === 'demo' ? 'data/demo' : `data/bench/${size}`;
	if (!existsSync(`${dir}/referrals.csv`)) throw new Error(`No ${dir}: run the filter-change bench first.`);
	const pages = process.env.BENCH_PAGES?.split(',') ?? Object.keys(definitions);
	const changes = Number(process.env.BENCH_CHANGES ?? 10);
	const base = await createNodeEngine();
	await createSchema(base, TEST_SECRET);
	await loadPopulation(base, readFileSync('data/reference/district-population.csv', 'utf8'));
	// A replicated extract (10M) is longer than V8's longest string: loaded as the filter-change bench loads it.
	const copies = sizes.find((one) => one.label === size)?.copies ?? 1;
	if (copies > 1) await loadNodeTables(base, dir, copies);
	else
		for (const table of ['referrals', 'missing_episodes'] as const)
			await loadContractCsv(base, table, readFileSync(`${dir}/${table}.csv`, 'utf8'));
	let start = performance.now();
	await refreshFacts(base);
	console.log(`facts and cubes rebuilt in ${(performance.now() - start).toFixed(0)} ms`);
	const [extent] = await base.query<DataExtent>(dataExtent());
	// The derived tables named in BENCH_TABLES: rebuilt once more, timed, and counted.
	for (const derived of derivedTables().filter((one) =>
		process.env.BENCH_TABLES?.split(',').includes(one.table.text.replaceAll('"', ''))
	)) {
		start = performance.now();
		for (const statement of derived.build()) await base.exec(statement);
		const [{ cells } = { cells: 0 }] = await base.query<{ cells: number }>(
			sql`SELECT count(*) AS cells FROM ${derived.table}`
		);
		console.log(
			`${derived.table.text}: ${cells} rows, built in ${(performance.now() - start).toFixed(0)} ms`
		);
	}

	const floors: number[] = [];
	for (let sample = 0; sample < 20; sample++) {
		const chosen = codes.slice(sample % 6, (sample % 6) + 1 + (sample % 3));
		start = performance.now();
		await base.query(
			sql`SELECT month, district, sum(rows) AS referrals FROM referral_cube WHERE district IN ${chosen} GROUP BY ALL`
		);
		floors.push(performance.now() - start);
	}
	const floor = median(floors);
	const table = [
		'| page | filters | median (ms) | p95 (ms) | floor (ms) | median ÷ floor | p95 ÷ floor |',
		'| --- | --- | --- | --- | --- | --- | --- |'
	];
	for (const [index, name] of pages.entries()) {
		const definition = definitions[name];
		if (!definition) throw new Error(`No page called ${name}`);
		for (const [kind, states] of [
			['districts', districtStates(index, changes)],
			['cohort', cohortStates],
			['age, intervention, stage', cohortCubeStates],
			['part-month period', partMonthStates]
		] as const) {
			if (process.env.BENCH_KINDS && !process.env.BENCH_KINDS.split(',').includes(kind)) continue;
			const { engine, log } = timed(base);
			const totals: number[] = [];
			for (const filters of states) {
				const before = log.length;
				const context: PageContext = {
					filters,
					publication: false,
					grain: 'month',
					extent,
					gaps: { referrals: [], missing_episodes: [] },
					areaReference: cambridgeshireAndPeterborough,
					toggle: () => undefined
				};
				await evaluatePage(definition, context, (query) => engine.query(query));
				totals.push(log.slice(before).reduce((sum, query) => sum + query.ms, 0));
			}
			table.push(
				`| ${name} | ${kind} | ${median(totals).toFixed(0)} | ${percentile(totals, 95).toFixed(0)} | ${floor.toFixed(1)} | ${(median(totals) / floor).toFixed(1)} | ${(percentile(totals, 95) / floor).toFixed(1)} |`
			);
			console.log(table.at(-1));
			const slowest = new Map<string, number[]>();
			for (const { ms, text } of log) {
				const key = text
					.replace(/\s+/g, ' ')
					.replace(/IN \([^)]*\)/g, 'IN (…)')
					.slice(0, 140);
				slowest.set(key, [...(slowest.get(key) ?? []), ms]);
			}
			for (const [text, times] of [...slowest].sort((a, b) => median(b[1]) - median(a[1])).slice(0, 4))
				console.log(`    ${median(times).toFixed(0).padStart(5)} ms  ${text}`);
		}
	}
	console.log(table.join('\n'));
	await base.close();
}
