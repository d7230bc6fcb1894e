import { appendMonth } from './append-month';
import { browserMemory } from './browser-memory';
import { buildSteps } from './build-steps';
import { coldStart } from './cold-start';
import { crossOriginIsolation } from './cross-origin-isolation';
import { filterChange } from './filter-change';
import { fillPeriodsBench } from './fill-periods';
import { pivotWiderBench } from './pivot-wider';
import { loadExtract } from './load-extract';
import { pageQueries } from './page-queries';
import { loadBaselines } from './load-baselines';
import { loadStagedPaths } from './load-staged-paths';
import { slowestQueries } from './slowest-queries';
import { stagedPhases } from './staged-phases';

/**
 * Benchmarks: `npm run build && npm run bench [-- name]`. Not part of `npm test`. `slowest-queries` runs only
 * when named, after a filter-change run with BENCH_QUERIES set; so does `page-queries` (DuckDB's part of a
 * filter change per page, in Node: the quick loop while changing SQL) and `browser-memory` (peak memory of a
 * Data page load, for the browser's row budget) and `cross-origin-isolation` (the threaded build against today's).
 */
const benchmarks: Record<string, () => Promise<void>> = {
	'cold-start': () => coldStart(),
	'load-extract': () => loadExtract(),
	'load-baselines': () => loadBaselines(),
	'load-staged-paths': () => loadStagedPaths(),
	'append-month': () => appendMonth(),
	'build-steps': () => buildSteps(),
	'filter-change': () => filterChange(),
	'fill-periods': () => fillPeriodsBench(),
	'pivot-wider': () => pivotWiderBench(),
	'slowest-queries': () => slowestQueries(),
	'staged-phases': () => stagedPhases(),
	'page-queries': () => pageQueries(),
	'browser-memory': () => browserMemory(),
	'cross-origin-isolation': () => crossOriginIsolation()
};

const selected = process.argv.slice(2);
for (const [name, run] of Object.entries(benchmarks)) {
	const onlyWhenNamed = [
		'slowest-queries',
		'page-queries',
		'build-steps',
		'browser-memory',
		'cross-origin-isolation',
		'load-staged-paths',
		'staged-phases'
	].includes(name);
	if (selected.length > 0 ? !selected.includes(name) : onlyWhenNamed) continue;
	console.log(`\n## ${name}`);
	await run();
}
