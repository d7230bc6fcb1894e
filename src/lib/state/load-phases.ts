/**
 * The phases of loading a file, in order, each reported to the user as it starts and timed with
 * `performance` entries a benchmark can read: a measure `sightline:load:<phase>` per phase (and the marks
 * `sightline:load:<phase>:start` / `:end` around it). The performance issue times the same phases.
 */
export const loadPhases = ['read', 'decode', 'validate', 'arrow', 'insert', 'facts', 'cubes'] as const;
export type LoadPhase = (typeof loadPhases)[number];

/** What the progress line says during each phase. */
export const loadPhaseLabels: Record<LoadPhase, string> = {
	read: 'Reading the file',
	decode: 'Decoding the text',
	validate: 'Checking every row',
	arrow: 'Preparing the checked columns for the database',
	insert: 'Adding the rows to the database',
	facts: 'Rebuilding the facts tables (ages, months, repeat referrals, indicators)',
	cubes: 'Rebuilding the summary cubes the charts read'
};

/** The name of a phase's `performance` measure. */
export const phaseMeasure = (phase: LoadPhase) => `sightline:load:${phase}`;

/**
 * Times one load's phases: starting a phase ends the one before; `end()` ends the last. Each phase leaves
 * a start mark, an end mark and a measure between them (with the file name as its detail).
 */
export class PhaseTimer {
	#current: LoadPhase | undefined;
	readonly #detail: string;
	readonly #onPhase: (phase: LoadPhase) => void;

	constructor(detail: string, onPhase: (phase: LoadPhase) => void = () => {}) {
		this.#detail = detail;
		this.#onPhase = onPhase;
	}

	get current(): LoadPhase | undefined {
		return this.#current;
	}

	start(phase: LoadPhase): void {
		if (phase === this.#current) return;
		this.end();
		this.#current = phase;
		performance.mark(`${phaseMeasure(phase)}:start`, { detail: this.#detail });
		this.#onPhase(phase);
	}

	end(): void {
		const phase = this.#current;
		if (!phase) return;
		this.#current = undefined;
		const name = phaseMeasure(phase);
		performance.mark(`${name}:end`, { detail: this.#detail });
		performance.measure(name, { start: `${name}:start`, end: `${name}:end`, detail: this.#detail });
	}
}
