import { coldStart } from './cold-start';
import { filterChange } from './filter-change';
import { loadExtract } from './load-extract';

/** Benchmarks: `npm run build && npm run bench [-- name]`. Not part of `npm test`. */
const benchmarks: Record<string, () => Promise<void>> = {
	'cold-start': () => coldStart(),
	'load-extract': () => loadExtract(),
	'filter-change': () => filterChange()
};

const selected = process.argv.slice(2);
for (const [name, run] of Object.entries(benchmarks)) {
	if (selected.length > 0 && !selected.includes(name)) continue;
	console.log(`\n## ${name}`);
	await run();
}
