import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { cambridgeshireAndPeterborough } from '$lib/contract';
import { QueryCoordinator } from '$lib/engine/coordinator';
import type { Engine } from '$lib/engine/engine';
import type { Filters } from '$lib/domain/filters';
import { definePage, type Ask } from '$lib/page/define-page';
import { sql, type Sql } from '$lib/sql/sql';
import type { Dataset } from '$lib/state/dataset.svelte';
import { boundPage } from '$lib/state/live-page.svelte';
import { effectRootsEndingWithEachTest, settle } from '../../helpers/live-views';

interface TextRow {
	text: string;
}

/** An engine whose answers the test releases, by SQL text. */
function heldEngine() {
	const handed = new Map<string, () => void>();
	const engine = {
		query: (statement: Sql) =>
			new Promise((resolve) =>
				handed.set(statement.text, () => resolve([{ text: statement.text }] satisfies TextRow[]))
			)
	} as unknown as Engine;
	return { engine, answer: (text: string) => handed.get(text)!() };
}

const keep = effectRootsEndingWithEachTest();

/**
 * Two queries of the district filter, a step reading the first only (a chart's) and one reading both (a
 * headline's), each counting its computations.
 */
function twoAnswerPage(engine: Engine) {
	const computed = { one: 0, both: 0 };
	const definition = definePage()
		.query('first', ({ filters }): Ask<TextRow> => sql`SELECT 'first', ${filters.districts?.join() ?? 'all'}`)
		.query(
			'second',
			({ filters }): Ask<TextRow> => sql`SELECT 'second', ${filters.districts?.join() ?? 'all'}`
		)
		.derive('one', ({ first }) => {
			computed.one++;
			return first.rows?.[0]?.text;
		})
		.derive('both', ({ first, second }) => {
			computed.both++;
			return [first.rows?.[0]?.text, second.rows?.[0]?.text];
		});
	let waiting = 0;
	const dataset = {
		coordinator: new QueryCoordinator(engine),
		generation: 0,
		source: undefined,
		extent: undefined,
		areas: cambridgeshireAndPeterborough,
		precomputedAnswer: () => undefined,
		viewStarted() {
			waiting++;
			return () => waiting--;
		}
	};
	const filters = $state<{ value: Filters }>({ value: {} });
	const filterState = {
		get filters() {
			return filters.value;
		},
		publication: false,
		grain: 'month' as const,
		toggle: () => Promise.resolve()
	};
	const live = { page: undefined as unknown as { one: string | undefined; both: (string | undefined)[] } };
	keep(
		$effect.root(() => {
			live.page = boundPage(definition, dataset as unknown as Dataset, filterState) as never;
		})
	);
	// The page's markup: reads the two steps whenever they change.
	const shown = { one: undefined as string | undefined, both: [] as (string | undefined)[] };
	keep(
		$effect.root(() => {
			$effect(() => {
				shown.one = live.page.one;
				shown.both = live.page.both;
			});
		})
	);
	flushSync();
	return {
		computed,
		shown,
		setFilters: (value: Filters) => {
			filters.value = value;
			flushSync();
		}
	};
}

describe('a live page', () => {
	it('computes a step once its answers are all in, while a step whose answer is in computes before the rest of the batch', async () => {
		const { engine, answer } = heldEngine();
		const { computed, shown, setFilters } = twoAnswerPage(engine);
		await settle();
		answer(`SELECT 'first', 'all'`);
		answer(`SELECT 'second', 'all'`);
		await settle();
		expect(shown).toEqual({
			one: `SELECT 'first', 'all'`,
			both: [`SELECT 'first', 'all'`, `SELECT 'second', 'all'`]
		});
		const before = { ...computed };

		setFilters({ districts: ['fenland'] });
		await settle();
		answer(`SELECT 'first', 'fenland'`);
		// Past a frame's fallback, without forcing the arrivals in: the answer is applied on its own.
		await new Promise((resolve) => setTimeout(resolve, 60));
		flushSync();
		// The chart reading only the first answer shows it while the second is still with DuckDB ...
		expect(shown.one).toBe(`SELECT 'first', 'fenland'`);
		// ... and the step reading both still shows one filter state's answers, not a mix of two.
		expect(shown.both).toEqual([`SELECT 'first', 'all'`, `SELECT 'second', 'all'`]);
		answer(`SELECT 'second', 'fenland'`);
		await settle();
		expect(shown.both).toEqual([`SELECT 'first', 'fenland'`, `SELECT 'second', 'fenland'`]);
		// Computed once for the change, with both answers.
		expect(computed.both - before.both).toBe(1);
		expect(computed.one - before.one).toBe(1);
	});
});
