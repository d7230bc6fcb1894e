import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '$lib/engine/engine';
import { evaluatePage, type PageContext, type PageDefinition } from '$lib/page/define-page';
import { dataExtent, type DataExtent } from '$lib/sql/metrics/data-extent';
import { childrenPage } from '../../../src/routes/children/children-page';
import { cohortsPage } from '../../../src/routes/cohorts/cohorts-page';
import { districtsPage } from '../../../src/routes/districts/districts-page';
import { indicatorsPage } from '../../../src/routes/indicators/indicators-page';
import { missingPage } from '../../../src/routes/missing/missing-page';
import { overviewPage } from '../../../src/routes/overview-page';
import { pathwayPage } from '../../../src/routes/pathway/pathway-page';
import { trendsPage } from '../../../src/routes/trends/trends-page';
import { demoEngine, pageContext } from '../../helpers/page';

const pages = {
	Overview: overviewPage,
	Trends: trendsPage,
	Children: childrenPage,
	Indicators: indicatorsPage,
	'Missing episodes': missingPage,
	Districts: districtsPage,
	Pathway: pathwayPage,
	Cohorts: cohortsPage
} as Record<string, PageDefinition<PageContext>>;

let engine: Engine;
let extent: DataExtent;
beforeAll(async () => {
	engine = await demoEngine();
	const [first] = await engine.query<DataExtent>(dataExtent());
	extent = first!;
});
afterAll(() => engine?.close());

/** The chart specs of an evaluated page: every value with rows, columns and a title. */
function charts(scope: object): [string, { rows: unknown[] }][] {
	return Object.entries(scope).filter(
		(entry): entry is [string, { rows: unknown[] }] =>
			typeof entry[1] === 'object' &&
			entry[1] !== null &&
			Array.isArray((entry[1] as { rows?: unknown }).rows) &&
			Array.isArray((entry[1] as { columns?: unknown }).columns) &&
			typeof (entry[1] as { title?: unknown }).title === 'string'
	);
}

/*
 * Before a chart's answer arrives its rows must be empty: the chart then says "Loading…". Rows built from no
 * answer (zero-filled calendars, an "any" total of nothing) draw and table an answer of none that nobody
 * gave, and the page reads as "no children" while DuckDB is still counting.
 */
describe('every chart before its answer', () => {
	it.each(Object.keys(pages))('%s: no chart has rows while no query has answered', async (name) => {
		const scope = await evaluatePage(pages[name]!, pageContext(extent), () =>
			Promise.reject(new Error('not yet'))
		);
		const found = charts(scope);
		expect(found.length).toBeGreaterThan(0);
		const drawn = found.filter(([, chart]) => chart.rows.length > 0).map(([key]) => key);
		expect(drawn).toEqual([]);
	});
});
