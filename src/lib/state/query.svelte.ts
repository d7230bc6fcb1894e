import { untrack } from 'svelte';
import { StaleQueryError } from '$lib/engine/coordinator';
import { Priority } from '$lib/engine/query-batch';
import { answerKey } from '$lib/page/answer-key';
import { specParts, viewAnswer, type QuerySpec } from '$lib/page/define-page';
import type { VerdictCheck } from '$lib/publication/verdict-changed';
import { sameRows } from '$lib/page/same-rows';
import { expectAnswer, onArrival } from './answer-arrivals';
import type { Dataset } from './dataset.svelte';

export type { QuerySpec };

/**
 * A view's live query result. It re-runs when the SQL text or the data changes; an answer that arrives
 * after a newer request was made is dropped ("latest wins"), so fast filter changes never show stale
 * numbers. The previous rows stay visible while the next ones load, so charts do not flash empty; an answer
 * with the same rows as those shown leaves them as they are (`sameRows`), so nothing redraws. While the
 * engine starts, a request whose answer was computed ahead (`Dataset.precomputedAnswer`) shows that answer.
 */
export class LiveQuery<Row extends object> {
	#rows = $state.raw<Row[] | undefined>();
	#changed = $state.raw<VerdictCheck<Row> | undefined>();
	#error = $state<string | undefined>();
	#loading = $state(true);
	#ticket = 0;
	/** The rows shown were computed ahead, not asked of the engine (not reactive: only this class reads it). */
	#ahead = false;

	/**
	 * @param publication whether publication mode is on: every answer passes the publication seam
	 *   (`viewAnswer`), so a view only ever sees published figures.
	 * @param priority how soon the answer is needed (`Priority`: on screen first), asked when the request's
	 *   batch is sent.
	 */
	constructor(
		dataset: Dataset,
		spec: () => QuerySpec,
		publication: () => boolean = () => false,
		priority: () => number = () => Priority.onScreen
	) {
		const asked = $derived(spec());
		const request = $derived(asked && { spec: asked, ...specParts(asked), publication: publication() });
		// A filter this view ignores rebuilds an identical request: keyed by its text, the view neither re-runs
		// nor redraws.
		const key = $derived(request && answerKey(request.spec, request.publication));
		$effect(() => {
			const coordinator = dataset.coordinator;
			void dataset.generation;
			const wanted = untrack(() => request);
			if (!key || !wanted) {
				// Nothing to ask under these filters (a view that does not apply, as a query that only one of two
				// paths runs): once the engine is up no answer is awaited, so the page is not left loading.
				if (coordinator) this.#loading = false;
				return;
			}
			if (!coordinator) {
				// While the engine starts: the answer computed ahead for this very request (the demo's first
				// screen), if there is one; any other request, such as a filter changed meanwhile, waits for it.
				const ahead = dataset.precomputedAnswer(key) as Row[] | undefined;
				if (ahead) {
					this.#rows = ahead;
					this.#loading = false;
					this.#ahead = true;
				} else if (this.#ahead) this.#loading = true;
				return;
			}
			this.#ahead = false;
			const { query, spec: answered, publication: published } = wanted;
			const ticket = ++this.#ticket;
			const current = () => ticket === this.#ticket;
			// This request counts as a loading view until it settles or is replaced.
			const uncount = dataset.viewStarted();
			// The page's other answers wait for this one (answer-arrivals.ts), until it arrives or is dropped.
			const arrived = expectAnswer();
			this.#loading = true;
			const rows = coordinator.query<Row>(query, current, priority);
			// Published and reshaped here, synchronously, as the answer arrives: no worker round trip (see
			// transforms.ts).
			const shaped = rows.then((result) => {
				const start = performance.now();
				const answer = viewAnswer(answered, result, published);
				// Timed for the filter-change benchmark's profile.
				performance.measure('sightline:shape', { start });
				return answer;
			});
			// Applied with the page's other answers (answer-arrivals.ts), if still current.
			const settle = (apply: () => void) => {
				arrived();
				onArrival(() => {
					if (!current()) return;
					apply();
					this.#loading = false;
					uncount();
				});
			};
			shaped.then(
				(answer) =>
					settle(() => {
						// Rows equal to those shown keep their identity: nothing built from them re-runs or redraws.
						if (!sameRows(this.#rows, answer.rows as Row[])) this.#rows = answer.rows as Row[];
						this.#changed = answer.publicationChanged as VerdictCheck<Row>;
						this.#error = undefined;
					}),
				(error: unknown) =>
					settle(() => {
						if (!(error instanceof StaleQueryError))
							this.#error = error instanceof Error ? error.message : String(error);
					})
			);
			// Before the next run, or when the view goes away, this request is no longer wanted.
			return () => {
				this.#ticket++;
				arrived();
				uncount();
			};
		});
	}

	get rows(): Row[] | undefined {
		return this.#rows;
	}
	/** Whether publication mode changed a verdict on these rows (see `Answer.publicationChanged`). */
	get publicationChanged(): VerdictCheck<Row> | undefined {
		return this.#changed;
	}
	get error(): string | undefined {
		return this.#error;
	}
	get loading(): boolean {
		return this.#loading;
	}
}
