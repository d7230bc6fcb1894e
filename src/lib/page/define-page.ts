import type { AreaReference } from '$lib/contract';
import type { DataExtent } from '$lib/sql/metrics/data-extent';
import { Sql } from '$lib/sql/sql';
import { publishRows } from '$lib/publication/publish-rows';
import type { Filters } from '$lib/domain/filters';
import type { Grain } from '$lib/domain/calendar';
import type { DayRange } from '$lib/domain/extract-coverage';
import { applyReshape, type Reshape } from '$lib/transform/transforms';

/** What every page starts from: the view the user chose and what is loaded. */
export interface PageContext {
	readonly filters: Filters;
	readonly publication: boolean;
	readonly grain: Grain;
	readonly extent: DataExtent | undefined;
	/** Per table, days between appended extracts that none covers: periods touching them are incomplete. */
	readonly gaps: Readonly<Record<'referrals' | 'missing_episodes', readonly DayRange[]>>;
	/** The loaded area reference: which districts there are, their names and their chart order. */
	readonly areaReference: AreaReference;
	/** Cross-filter from a chart click (a no-op in Node). */
	readonly toggle: (key: ToggleFilter, value: string) => void;
}

export type ToggleFilter = 'districts' | 'ageBands' | 'genders' | 'ethnicities' | 'riskLevels' | 'sources';

/** What a view asks for: a query, optionally followed by a named reshaping step; undefined asks nothing. */
export type QuerySpec = Sql | { query: Sql; reshape?: Reshape } | undefined;

/**
 * A query spec that promises rows of type `Row`: annotate a query step's return type with it so the answer
 * is typed (`(scope): Ask<ReferralWindowRow> => referralWindowCounts(…)`).
 */
export type Ask<Row extends object> = (Exclude<QuerySpec, undefined> & { readonly __rows?: Row }) | undefined;

/** A query's answer as a view sees it: the latest rows, and whether newer ones are on their way. */
export interface Answer<Row extends object> {
	readonly rows: Row[] | undefined;
	readonly loading: boolean;
	readonly error: string | undefined;
}

type Step =
	| { kind: 'derive'; name: string; compute: (scope: never) => unknown }
	| { kind: 'query'; name: string; ask: (scope: never) => QuerySpec };

/**
 * A page's logic as an ordered list of named steps: queries (SQL from `sql/metrics`) and pure derivations
 * from the context, earlier steps and query answers. Each step sees the context and every earlier step by
 * name. The same definition runs reactively in the browser (`livePage`: one `$derived` or `LiveQuery` per
 * step, so a step re-runs only when what it reads changes, and a chart that ignores a filter is not redrawn)
 * and once, awaited, in Node (`evaluatePage`), where its unit tests run it on fixtures.
 */
export class PageDefinition<Scope extends object> {
	private constructor(readonly steps: readonly Step[]) {}

	static start(): PageDefinition<PageContext> {
		return new PageDefinition<PageContext>([]);
	}

	/** A value computed from the scope (pure, synchronous). */
	derive<Name extends string, Value>(
		name: Name,
		compute: (scope: Scope) => Value
	): PageDefinition<Scope & { readonly [K in Name]: Value }> {
		return new PageDefinition([
			...this.steps,
			{ kind: 'derive', name, compute: compute as (scope: never) => unknown }
		]);
	}

	/** A query built from the scope; its answer joins the scope under `name`. */
	query<Name extends string, Row extends object>(
		name: Name,
		ask: (scope: Scope) => Ask<Row>
	): PageDefinition<Scope & { readonly [K in Name]: Answer<Row> }> {
		return new PageDefinition([
			...this.steps,
			{ kind: 'query', name, ask: ask as (scope: never) => QuerySpec }
		]);
	}
}

/** Begin a page definition. */
export function definePage(): PageDefinition<PageContext> {
	return PageDefinition.start();
}

/** The rows of several answers, or undefined while any of them has none. */
export function answered<Rows extends readonly (readonly object[] | undefined)[]>(
	...rows: Rows
): { [K in keyof Rows]: NonNullable<Rows[K]> } | undefined {
	return rows.every((one) => one !== undefined)
		? (rows as unknown as { [K in keyof Rows]: NonNullable<Rows[K]> })
		: undefined;
}

/** Every query answer in a scope, for a page-level loading and error state. */
export function answersOf(definition: PageDefinition<object>, scope: object): Answer<object>[] {
	return definition.steps
		.filter((step) => step.kind === 'query')
		.map((step) => (scope as Record<string, Answer<object>>)[step.name]!);
}

/** A query spec as its parts: the SQL and the reshaping step, if any. */
export function specParts(spec: Exclude<QuerySpec, undefined>): { query: Sql; reshape: Reshape | undefined } {
	return spec instanceof Sql
		? { query: spec, reshape: undefined }
		: { query: spec.query, reshape: spec.reshape };
}

/**
 * What a view receives for a query: the engine's rows through the publication seam (`publishRows`: keys
 * dropped, and in publication mode counts perturbed and every other undeclared number withheld), then the
 * query's reshaping (padding adds true zeros, which the ptable leaves at zero). Both the browser
 * (`LiveQuery`) and Node (`evaluatePage`) call this, so they publish the same figures.
 */
export function viewRows(
	spec: Exclude<QuerySpec, undefined>,
	rows: readonly object[],
	publication: boolean
): object[] {
	const { query, reshape } = specParts(spec);
	const published = publishRows(rows, { on: publication, dimensions: query.dimensions });
	return reshape ? applyReshape(published, reshape) : published;
}

/**
 * Run a page definition once in order, awaiting each query (Node tests, and later exports). `run` asks the
 * engine for a query's rows; every answer then passes the publication seam (`viewRows`).
 */
export async function evaluatePage<Scope extends PageContext>(
	definition: PageDefinition<Scope>,
	context: PageContext,
	run: (query: Sql) => Promise<object[]>
): Promise<Scope> {
	const scope: Record<string, unknown> = { ...context };
	for (const step of definition.steps) {
		if (step.kind === 'derive') {
			scope[step.name] = (step.compute as (scope: unknown) => unknown)(scope);
		} else {
			const spec = (step.ask as (scope: unknown) => QuerySpec)(scope);
			let answer: Answer<object> = { rows: undefined, loading: false, error: undefined };
			if (spec !== undefined) {
				try {
					const rows = await run(specParts(spec).query);
					answer = { rows: viewRows(spec, rows, context.publication), loading: false, error: undefined };
				} catch (error) {
					answer = {
						rows: undefined,
						loading: false,
						error: error instanceof Error ? error.message : String(error)
					};
				}
			}
			scope[step.name] = answer;
		}
	}
	return scope as Scope;
}
