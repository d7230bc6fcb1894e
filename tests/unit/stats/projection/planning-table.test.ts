import { describe, expect, it } from 'vitest';
import { fitProjection, planningTable } from '$lib/stats/projection';

describe('planningTable', () => {
	it('splits a known total by a well-known mix as a multinomial: R’s qbinom quantiles', () => {
		// 100 children for certain, shares known to within ±0.5% (10,000 counted): each kind's count is
		// Binomial(100, share), whose 2.5%, 10%, 90% and 97.5% quantiles R gives as below.
		const total = new Float64Array(20_000).fill(100);
		const rows = planningTable(100, total, [
			{ kind: 'deter', count: 5000 },
			{ kind: 'understand', count: 3000 },
			{ kind: 'disrupt', count: 2000 }
		]);
		expect(rows.map((row) => row.kind)).toEqual(['deter', 'understand', 'disrupt']);
		expect(rows.map((row) => row.point)).toEqual([50, 30, 20]);
		expect(rows.map((row) => row.share)).toEqual([0.5, 0.3, 0.2]);
		const quantiles = rows.map((row) => [row.lower95, row.lower80, row.upper80, row.upper95]);
		const qbinom = [
			[40, 44, 56, 60],
			[21, 24, 36, 39],
			[12, 15, 25, 28]
		];
		quantiles.forEach((q, i) =>
			q.forEach((value, j) => expect(Math.abs(value - qbinom[i]![j]!)).toBeLessThanOrEqual(1))
		);
	});

	it('widens with a small recent mix, and with an uncertain total', () => {
		const certain = new Float64Array(20_000).fill(100);
		const small = planningTable(100, certain, [
			{ kind: 'deter', count: 5 },
			{ kind: 'disrupt', count: 5 }
		]);
		const large = planningTable(100, certain, [
			{ kind: 'deter', count: 500 },
			{ kind: 'disrupt', count: 500 }
		]);
		const width = (row: { lower80: number; upper80: number }) => row.upper80 - row.lower80;
		expect(width(small[0]!)).toBeGreaterThan(1.5 * width(large[0]!));

		// The projection of a steady series: the planning rows carry the projection's own uncertainty.
		const fit = fitProjection(
			{ grain: 'quarter', start: '2023-01', counts: [40, 44, 38, 42, 41, 45, 39, 43, 40, 46, 37, 44] },
			{ quarters: 4, fitYears: 3, draws: 20_000, seed: 3 }
		)!;
		const planned = planningTable(fit.nextYear.point, fit.nextYearDraws, [
			{ kind: 'deter', count: 500 },
			{ kind: 'disrupt', count: 500 }
		]);
		expect(planned[0]!.point).toBeCloseTo(fit.nextYear.point / 2, 9);
		expect(width(planned[0]!)).toBeGreaterThan(width(large[0]!));
		expect(planned[0]!.lower95).toBeLessThan(planned[0]!.point);
		expect(planned[0]!.upper95).toBeGreaterThan(planned[0]!.point);
	});

	it('gives nothing for an empty mix', () => {
		expect(planningTable(10, new Float64Array(10).fill(10), [])).toEqual([]);
		expect(planningTable(10, new Float64Array(10).fill(10), [{ kind: 'deter', count: 0 }])).toEqual([]);
	});
});
