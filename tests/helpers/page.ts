import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { cambridgeshireAndPeterborough, type AreaReference } from '$lib/contract';
import type { Engine } from '$lib/engine/engine';
import {
	evaluatePage,
	type PageContext,
	type PageDefinition,
	type ToggleFilter
} from '$lib/page/define-page';
import { dataExtent, type DataExtent } from '$lib/sql/metrics/data-extent';
import type { Filters } from '$lib/domain/filters';
import type { Grain } from '$lib/domain/calendar';
import { loadPopulation } from '$lib/engine/load-reference';
import { createSchema, loadContractCsv, refreshFacts } from '$lib/engine/load-tables';
import { freshEngine, TEST_SECRET } from './engine';

/** The demo extract's rows as the contract CSVs hold them (strings), for engines and independent counts. */
export function demoRows(): {
	referrals: Record<string, string>[];
	missing_episodes: Record<string, string>[];
} {
	const read = (file: string) =>
		Papa.parse<Record<string, string>>(readFileSync(`data/demo/${file}`, 'utf8'), {
			header: true,
			skipEmptyLines: true
		}).data;
	return { referrals: read('referrals.csv'), missing_episodes: read('missing_episodes.csv') };
}

/**
 * A Node engine holding the bundled demo extract, loaded from its CSV files exactly as the browser loads
 * them (blank cells are NULL, as in the app), with the population reference.
 */
export async function demoEngine(): Promise<Engine> {
	const engine = await freshEngine();
	await createSchema(engine, TEST_SECRET);
	await loadPopulation(engine, readFileSync('data/reference/district-population.csv', 'utf8'));
	for (const name of ['referrals', 'missing_episodes'] as const)
		await loadContractCsv(engine, name, readFileSync(`data/demo/${name}.csv`, 'utf8'));
	await refreshFacts(engine);
	return engine;
}

export interface PageView {
	filters?: Filters;
	/** The area reference (default: the bundled Cambridgeshire and Peterborough list). */
	areas?: AreaReference;
	publication?: boolean;
	grain?: Grain;
	/** Days between appended extracts (default: none). */
	gaps?: PageContext['gaps'];
}

/** The context a page is evaluated in for one view of data with this extent, as the browser gives it. */
export function pageContext(
	extent: DataExtent | undefined,
	view: PageView = {},
	toggle: PageContext['toggle'] = () => {}
): PageContext {
	return {
		filters: view.filters ?? {},
		publication: view.publication ?? false,
		grain: view.grain ?? 'month',
		extent,
		gaps: view.gaps ?? { referrals: [], missing_episodes: [] },
		areaReference: view.areas ?? cambridgeshireAndPeterborough,
		toggle
	};
}

/**
 * Run a page definition on an engine as the browser would for one view, with every query answered in order.
 * Chart clicks are recorded in `toggled`.
 */
export async function runPage<Scope extends PageContext>(
	definition: PageDefinition<Scope>,
	engine: Engine,
	view: PageView = {}
): Promise<Scope & { toggled: [ToggleFilter, string][] }> {
	const [extent] = await engine.query<DataExtent>(dataExtent());
	const toggled: [ToggleFilter, string][] = [];
	const context = pageContext(extent, view, (key, value) => void toggled.push([key, value]));
	const scope = await evaluatePage(definition, context, (query) => engine.query(query));
	return Object.assign(scope, { toggled });
}
