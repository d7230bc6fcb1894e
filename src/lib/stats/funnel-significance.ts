import { poissonInterval } from './poisson-interval';
import { proportionFunnelLimit } from './proportion-funnel-limits';

/** How a unit compares with the funnel baseline at one confidence level. */
export type FunnelComparison = 'higher' | 'lower' | 'similar';

/** PHEindicatormethods' significance labels, kept so results can be checked line by line against it. */
export type FunnelLabel = 'High (0.001)' | 'High (0.025)' | 'Not significant' | 'Low (0.025)' | 'Low (0.001)';

export interface FunnelUnitSignificance {
	/** The unit's value × multiplier; null when its denominator is 0. */
	value: number | null;
	/** Outside the 95% limits (two-sided, 0.025 each side)? */
	at95: FunnelComparison | null;
	/** Outside the 99.8% limits (two-sided, 0.001 each side)? */
	at998: FunnelComparison | null;
	label: FunnelLabel | null;
}

export interface FunnelSignificance {
	/** Σ numerators / Σ denominators × multiplier; null when there is no denominator at all. */
	baseline: number | null;
	units: FunnelUnitSignificance[];
}

function label(at95: FunnelComparison, at998: FunnelComparison): FunnelLabel {
	if (at998 === 'lower') return 'Low (0.001)';
	if (at998 === 'higher') return 'High (0.001)';
	if (at95 === 'lower') return 'Low (0.025)';
	if (at95 === 'higher') return 'High (0.025)';
	return 'Not significant';
}

const EMPTY: FunnelUnitSignificance = { value: null, at95: null, at998: null, label: null };

/**
 * Funnel plot significance for proportions: baseline p̄ = Σx/Σn over the units with n > 0; each unit is
 * 'higher' or 'lower' at a level when its proportion lies beyond that level's inverted-Wilson limit at its
 * own denominator, else 'similar'.
 *
 * Source: PHE Fingertips Technical Guidance; PHEindicatormethods `phe_funnel_significance` /
 * `assign_funnel_significance` (statistic = "proportion"), whose labels are returned too. Tested against
 * the labels of all 300+ areas in `pheindicatormethods/testdata_funnel_prop_inputs.csv` (exact match) and
 * edge cases (x = 0, x = n, n = 0, a single unit).
 */
export function proportionFunnelSignificance(
	units: readonly { numerator: number; denominator: number }[],
	{ multiplier = 1 }: { multiplier?: number } = {}
): FunnelSignificance {
	let sumX = 0;
	let sumN = 0;
	for (const { numerator, denominator } of units) {
		if (!(numerator >= 0) || !(denominator >= 0) || numerator > denominator) {
			throw new RangeError(
				`proportion funnel: need 0 <= numerator <= denominator, got ${numerator}/${denominator}`
			);
		}
		sumX += numerator;
		sumN += denominator;
	}
	if (sumN === 0) return { baseline: null, units: units.map(() => EMPTY) };
	const baseline = sumX / sumN;
	return {
		baseline: baseline * multiplier,
		units: units.map(({ numerator, denominator }) => {
			if (denominator === 0) return EMPTY;
			const p = numerator / denominator;
			const compare = (confidence: number): FunnelComparison =>
				p < proportionFunnelLimit(denominator, baseline, confidence, 'lower')
					? 'lower'
					: p > proportionFunnelLimit(denominator, baseline, confidence, 'upper')
						? 'higher'
						: 'similar';
			const at95 = compare(0.95);
			const at998 = compare(0.998);
			return { value: p * multiplier, at95, at998, label: label(at95, at998) };
		})
	};
}

/**
 * Funnel plot significance for crude rates: baseline rate = Σcounts/Σpopulations; a unit is 'higher' when
 * the lower limit of its count's confidence interval (exact below 10, Byar's method from 10), divided by its
 * population, is above the baseline, and 'lower' when the upper limit is below it — the Poisson test PHE
 * uses, equivalent to lying outside the funnel at the unit's own population.
 *
 * Source: PHE Fingertips Technical Guidance; PHEindicatormethods / PHStatsMethods
 * `assign_funnel_significance` (statistic = "rate", rate_type = "crude"). Tested against the crude-rate
 * labels in `pheindicatormethods/testdata_funnel_rate_dsr_inputs.csv` (exact match) and edge cases
 * (count 0, population 0: left out of the baseline, no label).
 */
export function rateFunnelSignificance(
	units: readonly { count: number; population: number }[],
	{ multiplier = 10_000 }: { multiplier?: number } = {}
): FunnelSignificance {
	let sumCount = 0;
	let sumPopulation = 0;
	for (const { count, population } of units) {
		if (!(count >= 0) || !(population >= 0)) {
			throw new RangeError(`rate funnel: counts and populations must be >= 0, got ${count}/${population}`);
		}
		// A unit with no population has no rate; it is left out of the baseline and gets no label.
		if (population > 0) {
			sumCount += count;
			sumPopulation += population;
		}
	}
	if (sumPopulation === 0) return { baseline: null, units: units.map(() => EMPTY) };
	const baseline = sumCount / sumPopulation;
	return {
		baseline: baseline * multiplier,
		units: units.map(({ count, population }) => {
			if (population === 0) return EMPTY;
			const compare = (confidence: number): FunnelComparison => {
				const interval = poissonInterval(count, confidence);
				if (baseline < interval.lower / population) return 'higher';
				if (baseline > interval.upper / population) return 'lower';
				return 'similar';
			};
			const at95 = compare(0.95);
			const at998 = compare(0.998);
			return { value: (count / population) * multiplier, at95, at998, label: label(at95, at998) };
		})
	};
}
