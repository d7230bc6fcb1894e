import { describe, expect, it } from 'vitest';
import { fitProjection, seededRandom, type CountSeries } from '$lib/stats/projection';

/**
 * Coverage on simulated series of known rate, trend and season: 240 quarterly series, three years observed
 * and one year to come. Rates 15–60 a quarter, trends from −20% to +50% a year, a seasonal pattern, half
 * Poisson and half negative binomial (θ from 5 to 30). For every series the four future quarters and the
 * year's total are drawn from the true process, and we count how often the 80% and 95% prediction intervals
 * hold them, for each family and overall; and how often the growth rate's 95% interval holds the true growth. Nominal ± 5 points is the pass mark (issue 12); with 960 quarters the binomial standard error
 * is about 1.3 points at 80%, so a miscalibrated interval fails.
 */
const SERIES = 240;
const truth = seededRandom(12345);

interface Outcome {
	readonly inside80: number;
	readonly inside95: number;
	readonly n: number;
}

interface Result {
	readonly quarters: Outcome;
	readonly year: Outcome;
	readonly growth: Outcome;
}

function simulateOne(index: number): Result {
	const rate = 15 + 45 * truth.uniform();
	const growth = Math.log(0.8 + 0.7 * truth.uniform());
	const season = [0, 0.15 * truth.normal(), 0.15 * truth.normal(), 0.15 * truth.normal()];
	const theta = index % 2 === 0 ? Infinity : 5 + 25 * truth.uniform();
	const draw = (i: number) => {
		const mu = rate * Math.exp(growth * ((i - 11) / 4) + season[i % 4]!);
		return truth.poisson(Number.isFinite(theta) ? (truth.gamma(theta) * mu) / theta : mu);
	};
	const counts = Array.from({ length: 16 }, (_, i) => draw(i));
	// Whole-year quarters starting in January, so season i % 4 is the calendar quarter; 2023–2025 observed.
	const series: CountSeries = { grain: 'quarter', start: '2023-01', counts: counts.slice(0, 12) };
	const fit = fitProjection(series, { quarters: 4, fitYears: 3, draws: 2000, seed: index + 1 })!;
	const future = counts.slice(12);
	let q80 = 0;
	let q95 = 0;
	fit.quarters.forEach((quarter, i) => {
		const actual = future[i]!;
		if (actual >= quarter.lower80 && actual <= quarter.upper80) q80++;
		if (actual >= quarter.lower95 && actual <= quarter.upper95) q95++;
	});
	const trueGrowth = Math.exp(growth) - 1;
	const total = future.reduce((a, b) => a + b, 0);
	const year = fit.nextYear;
	return {
		quarters: { inside80: q80, inside95: q95, n: 4 },
		year: {
			inside80: total >= year.lower80 && total <= year.upper80 ? 1 : 0,
			inside95: total >= year.lower95 && total <= year.upper95 ? 1 : 0,
			n: 1
		},
		growth: {
			inside80: 0,
			inside95: trueGrowth >= fit.growth.lower95 && trueGrowth <= fit.growth.upper95 ? 1 : 0,
			n: 1
		}
	};
}

describe('prediction interval coverage on simulated series', () => {
	const results = Array.from({ length: SERIES }, (_, i) => simulateOne(i));
	const coverage = (
		subset: readonly Result[],
		pick: (r: Result) => Outcome,
		level: 'inside80' | 'inside95'
	) => subset.reduce((sum, r) => sum + pick(r)[level], 0) / subset.reduce((sum, r) => sum + pick(r).n, 0);
	const families = {
		all: results,
		Poisson: results.filter((_, i) => i % 2 === 0),
		'negative binomial': results.filter((_, i) => i % 2 === 1)
	};

	it.each(Object.keys(families) as (keyof typeof families)[])(
		'%s series: the 80% and 95% intervals for each quarter hold the truth within 5 points of their level',
		(family) => {
			const c80 = coverage(families[family], (r) => r.quarters, 'inside80');
			const c95 = coverage(families[family], (r) => r.quarters, 'inside95');
			expect(Math.abs(c80 - 0.8), `80% coverage ${c80}`).toBeLessThanOrEqual(0.05);
			expect(Math.abs(c95 - 0.95), `95% coverage ${c95}`).toBeLessThanOrEqual(0.05);
		}
	);

	it('so do the intervals for the year’s total, and the growth rate’s 95% interval', () => {
		const c80 = coverage(results, (r) => r.year, 'inside80');
		const c95 = coverage(results, (r) => r.year, 'inside95');
		expect(Math.abs(c80 - 0.8), `80% coverage ${c80}`).toBeLessThanOrEqual(0.05);
		expect(Math.abs(c95 - 0.95), `95% coverage ${c95}`).toBeLessThanOrEqual(0.05);
		const growth = coverage(results, (r) => r.growth, 'inside95');
		expect(Math.abs(growth - 0.95), `growth coverage ${growth}`).toBeLessThanOrEqual(0.05);
	});
});
