import type { ChartSpec } from './chart-spec';

export const LOADING = 'Loading…';

/** What a chart says above its drawing, and whether it is still waiting for its answer. */
export interface ChartWords {
	heading: string;
	summary: string;
	waiting: boolean;
}

/**
 * A chart with no rows while an answer is still awaited (its own, another view's on the page, or the engine
 * starting) is loading, not empty: it is headed by its subject and says "Loading…", never a title or summary
 * computed from no rows, which would state a finding nobody found ("No referrals match the current filters").
 */
export function chartWords(
	spec: Pick<ChartSpec<object>, 'title' | 'subject' | 'summary' | 'rows' | 'loading'>,
	answerAwaited: boolean
): ChartWords {
	const waiting = spec.rows.length === 0 && (spec.loading === true || answerAwaited);
	return waiting
		? { heading: spec.subject, summary: LOADING, waiting }
		: { heading: spec.title, summary: spec.summary, waiting };
}
