import { describe, expect, it } from 'vitest';
import { Priority } from '$lib/engine/query-batch';
import { StepReads } from '$lib/state/step-reads';

/**
 * A page as livePage runs it: queries `a` and `b`; `series` reads `a`; `chartA` reads `series`, `chartB`
 * reads `b`, `headline` reads `a` and `b`. The markup reads what it shows.
 */
function page(show: readonly string[]) {
	const reads = new StepReads();
	const step = (name: string, ...inputs: string[]) =>
		reads.computing(name, () => inputs.forEach((input) => reads.read(input)));
	step('series', 'a');
	step('chartA', 'series');
	step('chartB', 'b');
	step('headline', 'a', 'b');
	for (const name of show) reads.read(name);
	return reads;
}

describe('StepReads', () => {
	it('puts off a query only the charts off screen need, through the steps between', () => {
		const reads = page(['chartA', 'chartB']);
		expect(reads.priority('a')).toBe(Priority.onScreen);
		reads.chartOnScreen('chartA', false);
		expect(reads.priority('a')).toBe(Priority.offScreen);
		expect(reads.priority('b')).toBe(Priority.onScreen);
		reads.chartOnScreen('chartA', true);
		expect(reads.priority('a')).toBe(Priority.onScreen);
	});

	it('answers first a query anything else shown needs, or that nothing is known to need', () => {
		const reads = page(['chartA', 'chartB', 'headline']);
		reads.chartOnScreen('chartA', false);
		reads.chartOnScreen('chartB', false);
		// The headline is not a chart: it counts as on screen.
		expect(reads.priority('a')).toBe(Priority.onScreen);
		expect(reads.priority('c')).toBe(Priority.onScreen);
	});

	it("counts a read made while a step computes as that step's, not the markup's, nested steps included", () => {
		const reads = new StepReads();
		reads.computing('chart', () => {
			// A derived value computed lazily inside another: its reads are its own.
			reads.read('series');
			reads.computing('series', () => reads.read('q'));
		});
		reads.read('chart');
		reads.chartOnScreen('chart', false);
		expect(reads.priority('q')).toBe(Priority.offScreen);
		// Nothing shown reads `series` directly, so it was not taken for markup.
		reads.chartOnScreen('chart', true);
		expect(reads.priority('q')).toBe(Priority.onScreen);
	});
});
