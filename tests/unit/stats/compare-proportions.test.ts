import { describe, expect, it } from 'vitest';
import { compareProportions } from '$lib/stats';

/** Newcombe RG. Statistics in Medicine 1998;17:873–890, Table II, method 10 (score, no continuity correction). */
const NEWCOMBE_TABLE_II: [number, number, number, number, number, number][] = [
	[56, 70, 48, 80, 0.0524, 0.3339],
	[9, 10, 3, 10, 0.1705, 0.809],
	[5, 56, 0, 29, -0.0381, 0.1926],
	[0, 10, 0, 20, -0.1611, 0.2775],
	[10, 10, 0, 20, 0.6791, 1.0]
];

describe('compareProportions (difference with Newcombe hybrid score interval)', () => {
	it.each(NEWCOMBE_TABLE_II)(
		'matches Newcombe Table II for %i/%i − %i/%i (4 decimal places)',
		(a, m, b, n, lo, hi) => {
			const result = compareProportions({ numerator: a, denominator: m }, { numerator: b, denominator: n });
			expect(result.difference).toBeCloseTo(a / m - b / n, 14);
			expect(Math.abs((result.lower as number) - lo)).toBeLessThanOrEqual(5e-5);
			expect(Math.abs((result.upper as number) - hi)).toBeLessThanOrEqual(5e-5);
		}
	);

	it('gives plain-English verdicts', () => {
		const up = compareProportions({ numerator: 56, denominator: 70 }, { numerator: 48, denominator: 80 });
		expect(up.verdict).toBe('significantly higher');
		const down = compareProportions({ numerator: 48, denominator: 80 }, { numerator: 56, denominator: 70 });
		expect(down.verdict).toBe('significantly lower');
		const same = compareProportions({ numerator: 5, denominator: 56 }, { numerator: 0, denominator: 29 });
		expect(same.verdict).toBe('not significantly different');
	});

	it('scales to percentages and cannot compare with an empty period', () => {
		const pct = compareProportions(
			{ numerator: 9, denominator: 10 },
			{ numerator: 3, denominator: 10 },
			{ multiplier: 100 }
		);
		expect(pct.difference).toBeCloseTo(60, 12);
		const empty = compareProportions({ numerator: 3, denominator: 10 }, { numerator: 0, denominator: 0 });
		expect(empty).toMatchObject({
			current: 30 / 100,
			previous: null,
			difference: null,
			verdict: 'cannot be calculated'
		});
	});
});
