import { describe, expect, it } from 'vitest';
import { proportionFunnelSignificance, rateFunnelSignificance } from '$lib/stats';
import { readReferenceCsv } from '../../helpers/reference';

describe('proportionFunnelSignificance', () => {
	it('labels all 303 areas of PHEindicatormethods funnel test data exactly as phe_funnel_significance does', () => {
		const rows = readReferenceCsv('phe/testdata_funnel_prop_inputs.csv');
		expect(rows).toHaveLength(303);
		const result = proportionFunnelSignificance(
			rows.map((r) => ({ numerator: Number(r.numerator), denominator: Number(r.denominator) })),
			{ multiplier: 100 }
		);
		expect(result.units.map((u) => u.label)).toEqual(rows.map((r) => r.significance));
		// The data exercise every label.
		expect(new Set(rows.map((r) => r.significance)).size).toBe(5);
	});

	it('says higher/lower/similar at each level consistently with the label', () => {
		const result = proportionFunnelSignificance([
			{ numerator: 50, denominator: 100 },
			{ numerator: 500, denominator: 1000 },
			{ numerator: 900, denominator: 1000 },
			{ numerator: 100, denominator: 1000 }
		]);
		expect(result.baseline).toBe(0.5);
		const [similar, , high, low] = result.units;
		expect(similar).toMatchObject({ at95: 'similar', at998: 'similar', label: 'Not significant' });
		expect(high).toMatchObject({ at95: 'higher', at998: 'higher', label: 'High (0.001)' });
		expect(low).toMatchObject({ at95: 'lower', at998: 'lower', label: 'Low (0.001)' });
	});

	it('handles x = 0, x = n and n = 0 (no value, excluded from the baseline), and no data at all', () => {
		const result = proportionFunnelSignificance([
			{ numerator: 0, denominator: 400 },
			{ numerator: 400, denominator: 400 },
			{ numerator: 0, denominator: 0 }
		]);
		expect(result.baseline).toBe(0.5);
		expect(result.units[0]?.label).toBe('Low (0.001)');
		expect(result.units[1]?.label).toBe('High (0.001)');
		expect(result.units[2]).toEqual({ value: null, at95: null, at998: null, label: null });
		expect(proportionFunnelSignificance([]).baseline).toBeNull();
		expect(() => proportionFunnelSignificance([{ numerator: 5, denominator: 4 }])).toThrow(RangeError);
	});

	it('finds a single unit equal to its own baseline', () => {
		expect(proportionFunnelSignificance([{ numerator: 3, denominator: 9 }]).units[0]?.label).toBe(
			'Not significant'
		);
	});
});

describe('rateFunnelSignificance', () => {
	const rows = readReferenceCsv('phe/testdata_funnel_rate_dsr_inputs.csv');

	it('labels PHEindicatormethods crude-rate funnel test data exactly (with the zero-count area in the baseline)', () => {
		expect(rows).toHaveLength(40);
		const result = rateFunnelSignificance(
			rows.map((r) => ({ count: Number(r.count), population: Number(r.pop) })),
			{ multiplier: 100_000 }
		);
		expect(result.units.map((u) => u.label)).toEqual(rows.map((r) => r.crude_per_100000_with_0));
	});

	it('labels the same data exactly when the zero-count area is left out', () => {
		const kept = rows.filter((r) => Number(r.count) > 0);
		const result = rateFunnelSignificance(
			kept.map((r) => ({ count: Number(r.count), population: Number(r.pop) })),
			{ multiplier: 100_000 }
		);
		expect(result.units.map((u) => u.label)).toEqual(kept.map((r) => r.crude_per_100000_without_0));
	});

	it('handles a zero count, a zero population and small counts (exact limits)', () => {
		const result = rateFunnelSignificance([
			{ count: 0, population: 5_000 },
			{ count: 3, population: 5_000 },
			{ count: 40, population: 5_000 },
			{ count: 7, population: 0 }
		]);
		expect(result.baseline).toBeCloseTo((43 / 15_000) * 10_000, 12);
		expect(result.units[0]?.at998).toBe('lower');
		expect(result.units[1]?.at95).toBe('lower');
		expect(result.units[2]?.label).toBe('High (0.001)');
		expect(result.units[3]?.label).toBeNull();
		expect(rateFunnelSignificance([{ count: 0, population: 0 }]).baseline).toBeNull();
	});
});
