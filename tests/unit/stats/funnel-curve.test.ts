import { describe, expect, it } from 'vitest';
import { funnelCurve, proportionFunnelLimits } from '$lib/stats';

describe('funnelCurve', () => {
	it('evaluates the limits at log-spaced denominators from `from` to `to`', () => {
		const curve = funnelCurve((n) => proportionFunnelLimits(n, 0.3), { from: 10, to: 1000, points: 3 });
		expect(curve.map((p) => p.denominator)).toEqual([10, expect.closeTo(100, 10), 1000]);
		expect(curve[2]).toEqual(proportionFunnelLimits(1000, 0.3));
	});

	it('rejects an empty or reversed range', () => {
		expect(() => funnelCurve((n) => proportionFunnelLimits(n, 0.3), { from: 0, to: 10 })).toThrow(RangeError);
		expect(() => funnelCurve((n) => proportionFunnelLimits(n, 0.3), { from: 10, to: 5 })).toThrow(RangeError);
		expect(() => funnelCurve((n) => proportionFunnelLimits(n, 0.3), { from: 1, to: 5, points: 1 })).toThrow(
			RangeError
		);
	});
});
