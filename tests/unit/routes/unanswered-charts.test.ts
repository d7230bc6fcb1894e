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
import { chartWords, LOADING } from '$lib/page/chart-words';
import type { ChartSpec } from '$lib/page/chart-spec';
import { demoEngine, pageContext, runPage } from '../../helpers/page';

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
function charts(scope: object): [string, ChartSpec<object>][] {
	return Object.entries(scope).filter(
		(entry): entry is [string, ChartSpec<object>] =>
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

	/*
	 * A title is a finding ("No district's referral rate differs significantly from the partnership's"):
	 * computed from no rows it states one nobody found, for the seconds the engine takes to start. Until the
	 * answer the chart is headed by its subject, which must not come from any answer: it reads the same
	 * before the answers and after them.
	 */
	it.each(Object.keys(pages))('%s: every chart is headed by its subject, not a finding', async (name) => {
		const unanswered = await evaluatePage(pages[name]!, pageContext(extent), () =>
			Promise.reject(new Error('not yet'))
		);
		const answered = Object.fromEntries(charts(await runPage(pages[name]!, engine)));
		for (const [key, chart] of charts(unanswered)) {
			const words = chartWords(chart, true);
			expect(words, key).toEqual({ heading: chart.subject, summary: LOADING, waiting: true });
			expect(chart.subject.trim(), key).not.toBe('');
			expect(answered[key]?.subject, key).toBe(chart.subject);
		}
	});
});
