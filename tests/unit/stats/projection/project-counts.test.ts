import { describe, expect, it } from 'vitest';
import { PROJECTION_RULE, projectCounts } from '$lib/stats/projection';

const quarterly = (counts: number[]) => ({ grain: 'quarter' as const, start: '2023-01', counts });

describe('projectCounts: the stated rule', () => {
	it('projects a steady series, naming the method', () => {
		const projection = projectCounts(quarterly([40, 44, 38, 42, 41, 45, 39, 43, 40, 46, 37, 44]));
		expect(projection.kind).toBe('projected');
		if (projection.kind !== 'projected') return;
		expect(projection.method).toMatch(/^A Poisson regression .* last 12 quarters; .*\(Poisson: no more/);
		expect(projection.quarters).toHaveLength(8);
		expect(projection.quarters[0]).toMatchObject({ start: '2026-01', end: '2026-03' });
		expect(projection.quarters[7]).toMatchObject({ start: '2027-10', end: '2027-12' });
		for (const q of projection.quarters) {
			expect(q.lower95).toBeLessThanOrEqual(q.lower80);
			expect(q.lower80).toBeLessThanOrEqual(q.point);
			expect(q.point).toBeLessThanOrEqual(q.upper80);
			expect(q.upper80).toBeLessThanOrEqual(q.upper95);
		}
	});

	it('withholds with fewer than two years of periods', () => {
		const projection = projectCounts(quarterly([40, 44, 38, 42, 41, 45, 39]));
		expect(projection).toEqual({
			kind: 'withheld',
			reason:
				'Too few periods to project: 7 complete quarters, and a projection needs at least 8 (two years).'
		});
		expect(projectCounts({ grain: 'month', start: '2024-01', counts: new Array(23).fill(5) }).kind).toBe(
			'withheld'
		);
	});

	it(`withholds with fewer than ${PROJECTION_RULE.minimumTotal} counted in the fit window`, () => {
		const projection = projectCounts(quarterly([9, 9, 1, 2, 1, 3, 2, 1, 3, 2, 1, 2, 0, 1]));
		expect(projection).toEqual({
			kind: 'withheld',
			reason: 'Too few to project: 19 in the last 12 quarters, and a projection needs at least 20.'
		});
	});

	it('withholds when next year’s 80% interval would be wider than the projection', () => {
		const projection = projectCounts(quarterly([5, 30, 12, 2, 25, 8, 40, 3, 15, 28, 4, 20]));
		expect(projection.kind).toBe('withheld');
		if (projection.kind === 'withheld') expect(projection.reason).toMatch(/^Too noisy to project: /);
	});

	it('refuses a horizon beyond 8 quarters and negative or missing counts', () => {
		const counts = [40, 44, 38, 42, 41, 45, 39, 43, 40, 46, 37, 44];
		const settings = { quarters: 9, fitYears: 3, draws: 100, seed: 1 };
		expect(() => projectCounts(quarterly(counts), settings)).toThrow(RangeError);
		expect(() => projectCounts(quarterly([...counts.slice(1), -1]))).toThrow(RangeError);
		expect(() => projectCounts(quarterly([...counts.slice(1), NaN]))).toThrow(RangeError);
	});

	it('gives the same intervals for the same counts (seeded)', () => {
		const counts = [40, 44, 38, 42, 41, 45, 39, 43, 40, 46, 37, 44];
		expect(projectCounts(quarterly(counts))).toEqual(projectCounts(quarterly(counts)));
	});
});
