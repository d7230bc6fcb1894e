import { afterEach, describe, expect, it } from 'vitest';
import { loadPhases, PhaseTimer } from '$lib/state/load-phases';

afterEach(() => {
	performance.clearMarks();
	performance.clearMeasures();
});

describe('PhaseTimer', () => {
	it('leaves one measure per phase, named for a benchmark to read, and reports each phase as it starts', () => {
		const seen: string[] = [];
		const timer = new PhaseTimer('extract.csv', (phase) => seen.push(phase));
		for (const phase of loadPhases) timer.start(phase);
		timer.start('cubes');
		timer.end();
		expect(seen).toEqual([...loadPhases]);
		const measures = performance
			.getEntriesByType('measure')
			.filter((entry) => entry.name.startsWith('sightline:load:'));
		expect(measures.map((entry) => entry.name)).toEqual(loadPhases.map((phase) => `sightline:load:${phase}`));
		expect(measures.every((entry) => (entry as PerformanceMeasure).detail === 'extract.csv')).toBe(true);
		// Consecutive phases meet: no second of a load is left unaccounted.
		for (let index = 1; index < measures.length; index++) {
			expect(measures[index]!.startTime).toBeGreaterThanOrEqual(
				measures[index - 1]!.startTime + measures[index - 1]!.duration
			);
		}
	});
});
