import { Priority } from '$lib/engine/query-batch';

/**
 * Which of a live page's steps each step reads, learnt as they compute, and so how soon each query's answer
 * is needed: a query that only charts off screen read (directly or through other steps) is answered after the
 * rest of its batch (`planBatch`), as Mosaic answers the clients it can see first. What is learnt only grows
 * (a branch a step took once still counts), so a query is never put off because a step stopped reading it
 * for a while. Pure: `livePage` feeds it, and its tests run in Node.
 */
export class StepReads {
	readonly #reads = new Map<string, Set<string>>();
	/** Steps read from outside any step: by the page's markup. */
	readonly #shown = new Set<string>();
	readonly #computing: string[] = [];
	/** Chart steps' visibility as last reported: false when off screen. */
	readonly #onScreen = new Map<string, boolean>();

	/** Compute `step`, noting the steps it reads. */
	computing<T>(step: string, compute: () => T): T {
		this.#computing.push(step);
		try {
			return compute();
		} finally {
			this.#computing.pop();
		}
	}

	/** Note that `step` was read: by the step computing now, or else by the page's markup. */
	read(step: string): void {
		const reader = this.#computing.at(-1);
		if (reader === undefined) {
			this.#shown.add(step);
			return;
		}
		let reads = this.#reads.get(reader);
		if (!reads) this.#reads.set(reader, (reads = new Set()));
		reads.add(step);
	}

	/** A chart step's box came on or went off screen. */
	chartOnScreen(step: string, onScreen: boolean): void {
		this.#onScreen.set(step, onScreen);
	}

	/**
	 * How soon `query`'s answer is needed: off screen only if some shown step needs it and each that does is
	 * a chart reported off screen. Anything else shown (a headline, a panel, a chart not yet reported), or a
	 * query nothing is known to read yet, counts as on screen.
	 */
	priority(query: string): Priority {
		let needed = false;
		for (const step of this.#shown) {
			if (!this.#needs(step, query, new Set())) continue;
			if (this.#onScreen.get(step) !== false) return Priority.onScreen;
			needed = true;
		}
		return needed ? Priority.offScreen : Priority.onScreen;
	}

	#needs(step: string, query: string, seen: Set<string>): boolean {
		if (step === query) return true;
		if (seen.has(step)) return false;
		seen.add(step);
		for (const read of this.#reads.get(step) ?? []) if (this.#needs(read, query, seen)) return true;
		return false;
	}
}
