import { specParts, type QuerySpec } from './define-page';

/**
 * What identifies the rows a view receives for a query: the SQL text, the reshaping step, the declared
 * dimensions and whether publication mode is on. Two requests with the same key get the same rows from the
 * same data, so the key tells a live view when it need not re-run (`LiveQuery`) and finds the answer to a
 * query among the answers precomputed at build time (`precomputeAnswers`).
 */
export function answerKey(spec: Exclude<QuerySpec, undefined>, publication: boolean): string {
	const { query, reshape } = specParts(spec);
	return `${query.text}\n${JSON.stringify(reshape ?? null)}\n${query.dimensions.join()}\n${publication}`;
}
