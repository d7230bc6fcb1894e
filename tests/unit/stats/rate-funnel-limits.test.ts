import { afterAll, describe, expect, it } from 'vitest';
import { exactPoissonInterval, poissonFunnelCount, rateFunnelLimit, rateFunnelLimits } from '$lib/stats';
import { expectCloseToReference, readReferenceCsv, reportReferenceErrors } from '../../helpers/reference';

afterAll(() => reportReferenceErrors('rate-funnel-limits'));

/** PHEindicatormethods' funnel test data for crude rates with denominators, 3 years (see fixtures README). */
function phePopulationAndBaseline() {
	const rows = readReferenceCsv('phe/testdata_funnel_rate_input_funnels.csv').map((r) => ({
		ev: Number(r.ev),
		rate: Number(r.rate),
		pop: (100_000 * Number(r.ev)) / Number(r.rate)
	}));
	const maxEvents = Math.max(...rows.map((r) => r.ev));
	const zeroed = rows.map((r) => (r.ev === maxEvents ? { ...r, ev: 0 } : r));
	const maxPop = Math.max(...zeroed.map((r) => r.pop));
	const kept = zeroed.filter((r) => r.pop > maxPop / 2);
	return kept.reduce((a, r) => a + r.ev, 0) / kept.reduce((a, r) => a + r.pop, 0);
}

describe('rate funnel limits', () => {
	const baseline = phePopulationAndBaseline();

	it('reproduce the published baseline (95.60285106 per 100,000)', () => {
		expectCloseToReference(
			baseline * 100_000,
			95.60285106,
			1e-9,
			'rate funnel baseline (10 significant figures)'
		);
	});

	it('match PHEindicatormethods calculate_funnel_limits (testdata_funnel_rate_outputs_3.csv; PHE bisects to ~1e-7)', () => {
		const rows = readReferenceCsv('phe/testdata_funnel_rate_outputs_3.csv');
		expect(rows).toHaveLength(100);
		const columns = [
			[0.95, 'lower', 'lower_2s_population_1_year', 'lower_2s_limit'],
			[0.95, 'upper', 'upper_2s_population_1_year', 'upper_2s_limit'],
			[0.998, 'lower', 'lower_3s_population_1_year', 'lower_3s_limit'],
			[0.998, 'upper', 'upper_3s_population_1_year', 'upper_3s_limit']
		] as const;
		for (const row of rows) {
			for (const [confidence, side, population, limit] of columns) {
				const value = rateFunnelLimit(Number(row[population]) * 3, baseline, confidence, side, {
					multiplier: 100_000
				});
				expectCloseToReference(value, Number(row[limit]), 1e-6, 'rate funnel limits (PHE bisection, 1e-6)');
			}
		}
	});

	it('pass exactly through the exact Poisson limits at whole counts', () => {
		for (const count of [1, 4, 9, 10, 37, 250])
			for (const confidence of [0.95, 0.998]) {
				const ci = exactPoissonInterval(count, confidence);
				// A unit whose exact lower limit equals its expected count sits on the upper funnel limit.
				expectCloseToReference(
					poissonFunnelCount(ci.lower, confidence, 'upper'),
					count,
					1e-9,
					'rate funnel at whole counts (exact Poisson)'
				);
				expectCloseToReference(
					poissonFunnelCount(ci.upper, confidence, 'lower'),
					count,
					1e-9,
					'rate funnel at whole counts (exact Poisson)'
				);
			}
	});

	it('have no lower limit while even a count of 0 is consistent with the baseline', () => {
		expect(poissonFunnelCount(-Math.log(0.025) * 0.999, 0.95, 'lower')).toBe(0);
		expect(poissonFunnelCount(-Math.log(0.025) * 1.001, 0.95, 'lower')).toBeGreaterThan(0);
		expect(poissonFunnelCount(0, 0.95, 'upper')).toBe(0);
	});

	it('bracket the baseline and narrow as the population grows; default to per 10,000', () => {
		const small = rateFunnelLimits(2_000, 25.3e-4);
		const large = rateFunnelLimits(60_000, 25.3e-4);
		expect(small.baseline).toBeCloseTo(25.3, 10);
		for (const l of [small, large]) {
			expect(l.lower998).toBeLessThan(l.lower95);
			expect(l.lower95).toBeLessThan(l.baseline);
			expect(l.upper95).toBeGreaterThan(l.baseline);
			expect(l.upper998).toBeGreaterThan(l.upper95);
		}
		expect(large.upper95 - large.lower95).toBeLessThan(small.upper95 - small.lower95);
	});

	it('reject a zero population and a negative baseline', () => {
		expect(() => rateFunnelLimit(0, 0.001, 0.95, 'upper')).toThrow(RangeError);
		expect(() => rateFunnelLimit(100, -1, 0.95, 'upper')).toThrow(RangeError);
	});
});
