import { findRoot } from './find-root';
import type { FunnelLimits, FunnelSide } from './funnel-limits';
import { regularizedGammaP } from './regularized-gamma';
import { assertConfidence } from './z-for-confidence';

/** Smallest gamma shape searched; a count limit this close to 0 is reported as 0. */
const MIN_SHAPE = 1e-12;

/**
 * The count c at which a unit with expected count μ sits exactly on a Poisson funnel limit: for the upper
 * limit, the exact lower confidence limit of c equals μ, i.e. P(c, μ) = α/2; for the lower limit, the exact
 * upper confidence limit of c equals μ, i.e. P(c + 1, μ) = 1 − α/2. For whole c these are the exact Poisson
 * (Garwood) limits PHE's funnel code finds by bisection (`poisson_funnel`); the regularized incomplete
 * gamma function extends them smoothly between whole counts so the funnel is a continuous curve.
 */
export function poissonFunnelCount(expected: number, confidence: number, side: FunnelSide): number {
	if (!(expected >= 0) || !Number.isFinite(expected)) {
		throw new RangeError(`poissonFunnelCount: expected count must be >= 0, got ${expected}`);
	}
	assertConfidence(confidence);
	if (expected === 0) return 0;
	const tail = (1 - confidence) / 2;
	if (side === 'upper') {
		const f = (shape: number): number => regularizedGammaP(shape, expected) - tail;
		return findRoot(f, MIN_SHAPE, bracketAbove(f, expected));
	}
	// Lower limit: solve for s = c + 1; no count is low enough when even c = 0 is consistent with μ.
	const target = confidence + tail;
	const f = (shape: number): number => regularizedGammaP(shape, expected) - target;
	if (f(1) <= 0) return 0;
	return findRoot(f, 1, bracketAbove(f, expected)) - 1;
}

/** An upper end for the shape search: P(shape, μ) falls with the shape, so step up until f < 0. */
function bracketAbove(f: (shape: number) => number, expected: number): number {
	let hi = expected + 10 * Math.sqrt(expected) + 10;
	while (f(hi) > 0) hi *= 2;
	return hi;
}

/**
 * One funnel control limit for a crude rate at a given population, × multiplier: the funnel count for an
 * expected count of baselineRate × population (see {@link poissonFunnelCount}), divided by the population.
 *
 * Source: Spiegelhalter (2005) Poisson funnel; PHE Fingertips / PHEindicatormethods `calculate_funnel_limits`
 * for rates (exact Poisson limits). Tested against the PHEindicatormethods rate funnel outputs
 * (`pheindicatormethods/testdata_funnel_rate_outputs_3.csv`; PHE bisects only to about 1e-7, so the check is
 * to 1e-6) and, at whole counts, against the exact Poisson limits (relative error ≤ 1e-9).
 */
export function rateFunnelLimit(
	population: number,
	baselineRate: number,
	confidence: number,
	side: FunnelSide,
	{ multiplier = 10_000 }: { multiplier?: number } = {}
): number {
	if (!(population > 0) || !Number.isFinite(population)) {
		throw new RangeError(`rateFunnelLimit: population must be > 0, got ${population}`);
	}
	if (!(baselineRate >= 0) || !Number.isFinite(baselineRate)) {
		throw new RangeError(`rateFunnelLimit: baseline rate must be >= 0, got ${baselineRate}`);
	}
	return (poissonFunnelCount(baselineRate * population, confidence, side) / population) * multiplier;
}

/**
 * The 95% and 99.8% funnel limits for a crude rate at a given population. `baselineRate` is per person
 * (Σ counts / Σ populations); the limits and baseline are returned per `multiplier` (default 10,000).
 * Method and tests as {@link rateFunnelLimit}.
 */
export function rateFunnelLimits(
	population: number,
	baselineRate: number,
	{ multiplier = 10_000 }: { multiplier?: number } = {}
): FunnelLimits {
	const limit = (confidence: number, side: FunnelSide) =>
		rateFunnelLimit(population, baselineRate, confidence, side, { multiplier });
	return {
		denominator: population,
		baseline: baselineRate * multiplier,
		lower95: limit(0.95, 'lower'),
		upper95: limit(0.95, 'upper'),
		lower998: limit(0.998, 'lower'),
		upper998: limit(0.998, 'upper')
	};
}
