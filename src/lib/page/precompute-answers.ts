import type { Sql } from '$lib/sql/sql';
import { answerKey } from './answer-key';
import { evaluatePage, type PageContext, type PageDefinition, type QuerySpec } from './define-page';

/**
 * Run a page definition once for one view (`evaluatePage`: every answer through the publication seam) and
 * keep what each of its queries gave the view, by `answerKey`: the answers a browser can show before its
 * engine is ready, looked up with the key of the request it is about to make. A query that asked nothing or
 * failed has no answer here, so that view waits for the engine.
 */
export async function precomputeAnswers<Scope extends PageContext>(
	definition: PageDefinition<Scope>,
	context: PageContext,
	run: (query: Sql) => Promise<object[]>
): Promise<Record<string, Record<string, unknown>[]>> {
	const scope = (await evaluatePage(definition, context, run)) as unknown as Record<string, unknown>;
	const answers: Record<string, Record<string, unknown>[]> = {};
	for (const step of definition.steps) {
		if (step.kind !== 'query') continue;
		// Each step sees only earlier ones, which the finished scope holds unchanged: the same spec as asked.
		const spec = (step.ask as (scope: unknown) => QuerySpec)(scope);
		const rows = (scope[step.name] as { rows: Record<string, unknown>[] | undefined }).rows;
		if (spec !== undefined && rows !== undefined) answers[answerKey(spec, context.publication)] = rows;
	}
	return answers;
}
