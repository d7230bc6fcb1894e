import { normalQuantile } from '../normal-quantile';
import { cholesky } from './cholesky';
import { monthIndex, monthLabel, monthsPerPeriod, periodsPerYear, type CountSeries } from './count-series';
import { negativeBinomialGlm, type CountRegression } from './negative-binomial-glm';
import { countCovariance, pearsonTheta } from './pearson-dispersion';
import { designRows } from './projection-design';
import { seededRandom } from './seeded-random';

/** A projected figure: the model's mean and its 80% and 95% prediction intervals (whole counts). */
export interface ProjectedBand {
	readonly point: number;
	readonly lower80: number;
	readonly upper80: number;
	readonly lower95: number;
	readonly upper95: number;
}

/** One future 3-month block: first and last month (`YYYY-MM`) and the projected count. */
export interface ProjectedQuarter extends ProjectedBand {
	readonly start: string;
	readonly end: string;
}

/** Growth per year, exp(β_t) − 1, with Wald intervals on the log scale. */
export interface GrowthRate {
	readonly rate: number;
	readonly lower80: number;
	readonly upper80: number;
	readonly lower95: number;
	readonly upper95: number;
}

export interface ProjectionSettings {
	/** Future 3-month blocks to project, 4 to 8. */
	readonly quarters: number;
	/** Years of the most recent complete periods the model is fitted to. */
	readonly fitYears: number;
	/** Simulated futures behind the prediction intervals. */
	readonly draws: number;
	readonly seed: number;
}

export const defaultProjectionSettings: ProjectionSettings = {
	quarters: 8,
	fitYears: 3,
	draws: 10_000,
	seed: 20261206
};

export interface ProjectionFit {
	/** The maximum-likelihood fit (MASS::glm.nb's numbers). */
	readonly regression: CountRegression;
	/**
	 * The dispersion the intervals use: θ by the df-corrected Pearson equation (Infinity: Poisson), and the
	 * coefficients' covariance at that θ. See `pearsonTheta` for why not the ML θ̂.
	 */
	readonly predictiveTheta: number;
	readonly predictiveCovariance: number[][];
	/** First month of the fit window and its number of periods. */
	readonly fitStart: string;
	readonly fitPeriods: number;
	/** Fitted means over the fit window, one per period. */
	readonly fitted: readonly number[];
	readonly growth: GrowthRate;
	/** Each future period at the series' grain (months or quarters). */
	readonly periods: readonly (ProjectedBand & { readonly start: string })[];
	readonly quarters: readonly ProjectedQuarter[];
	/** The first four future quarters together. */
	readonly nextYear: ProjectedBand;
	/** Simulated totals for the next year, sorted ascending (for the planning table). */
	readonly nextYearDraws: Float64Array;
}

/**
 * Growth per year from the coefficient of t (years) and its variance in `covariance`: exp(β_t) − 1 with Wald
 * 80% and 95% limits on the log scale.
 */
export function growthRate(beta: readonly number[], covariance: readonly (readonly number[])[]): GrowthRate {
	const se = Math.sqrt(covariance[1]![1]!);
	const slope = beta[1]!;
	const z80 = normalQuantile(0.9);
	const z95 = normalQuantile(0.975);
	return {
		rate: Math.exp(slope) - 1,
		lower80: Math.exp(slope - z80 * se) - 1,
		upper80: Math.exp(slope + z80 * se) - 1,
		lower95: Math.exp(slope - z95 * se) - 1,
		upper95: Math.exp(slope + z95 * se) - 1
	};
}

/** Inverse of the empirical distribution function (R's quantile type 1) of sorted values. */
export function sortedQuantile(sorted: Float64Array, p: number): number {
	const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * p - 1e-9) - 1));
	return sorted[index] ?? NaN;
}

function band(point: number, draws: Float64Array): ProjectedBand {
	draws.sort();
	return {
		point,
		lower80: sortedQuantile(draws, 0.1),
		upper80: sortedQuantile(draws, 0.9),
		lower95: sortedQuantile(draws, 0.025),
		upper95: sortedQuantile(draws, 0.975)
	};
}

/**
 * Fits the projection model to the last `fitYears` of a series and simulates its future:
 * log E[y] = log(days) + β₀ + β_t·t + season, negative binomial (MASS::glm.nb), Poisson where the counts show
 * no overdispersion. Prediction intervals by simulation, so they carry both sources of uncertainty: each
 * draw takes coefficients from their estimated normal distribution, then a negative binomial (or Poisson)
 * count for every future period, and sums periods into quarters and the next year. The dispersion for the
 * intervals and the growth rate's interval is the df-corrected Pearson θ (`pearsonTheta`), held fixed.
 * Returns null when the fit fails (a singular design or a diverging fit). No rule on too few or too noisy
 * data here: `projectCounts` applies it.
 */
export function fitProjection(
	series: CountSeries,
	settings: ProjectionSettings = defaultProjectionSettings
): ProjectionFit | null {
	if (!Number.isInteger(settings.quarters) || settings.quarters < 1 || settings.quarters > 8)
		throw new RangeError(
			`fitProjection: quarters must be a whole number from 1 to 8, got ${settings.quarters}`
		);
	if (!series.counts.every((count) => Number.isFinite(count) && count >= 0))
		throw new RangeError('fitProjection: counts must be finite and not negative');
	const perYear = periodsPerYear(series.grain);
	const months = monthsPerPeriod(series.grain);
	const blockPeriods = perYear / 4;
	const n = series.counts.length;
	const fitPeriods = Math.min(n, Math.round(settings.fitYears * perYear));
	const first = n - fitPeriods;
	const startMonth = monthIndex(series.start);
	const fitDesign = designRows(series, startMonth, first, fitPeriods, n - 1);
	const y = series.counts.slice(first);
	const regression = negativeBinomialGlm(y, fitDesign.x, fitDesign.offset);
	if (!regression || !regression.converged) return null;
	const beta = regression.coefficients;
	const p = beta.length;
	const theta = pearsonTheta(y, regression.fitted, beta.length);
	const covariance = countCovariance(fitDesign.x, regression.fitted, theta);
	const factor = covariance && cholesky(covariance);
	if (!covariance || !factor) return null;

	const futurePeriods = settings.quarters * blockPeriods;
	const future = designRows(series, startMonth, n, futurePeriods, n - 1);
	const points = future.x.map((row, j) =>
		Math.exp(future.offset[j]! + row.reduce((sum, v, k) => sum + v * beta[k]!, 0))
	);
	const random = seededRandom(settings.seed);
	const periodDraws = Array.from({ length: futurePeriods }, () => new Float64Array(settings.draws));
	const z = new Array<number>(p).fill(0);
	const b = new Array<number>(p).fill(0);
	// An estimated dispersion is uncertain too, with n − p degrees of freedom: each draw scales it by
	// df / χ²(df), and the coefficients' spread by the square root (a multivariate t, as for quasi-likelihood).
	const df = fitPeriods - p;
	const dispersed = Number.isFinite(theta) && df > 0;
	for (let d = 0; d < settings.draws; d++) {
		const scale = dispersed ? df / (2 * random.gamma(df / 2)) : 1;
		const thetaDraw = theta / scale;
		const spread = Math.sqrt(scale);
		for (let k = 0; k < p; k++) z[k] = random.normal();
		for (let k = 0; k < p; k++) {
			let sum = beta[k]!;
			for (let m = 0; m <= k; m++) sum += spread * factor[k]![m]! * z[m]!;
			b[k] = sum;
		}
		for (let j = 0; j < futurePeriods; j++) {
			const row = future.x[j]!;
			let eta = future.offset[j]!;
			for (let k = 0; k < p; k++) eta += row[k]! * b[k]!;
			const mu = Math.exp(eta);
			const rate = dispersed ? (random.gamma(thetaDraw) * mu) / thetaDraw : mu;
			periodDraws[j]![d] = random.poisson(rate);
		}
	}
	const blockDraws = (from: number, count: number): Float64Array => {
		const total = new Float64Array(settings.draws);
		for (let j = from; j < from + count; j++) {
			const draws = periodDraws[j]!;
			for (let d = 0; d < settings.draws; d++) total[d]! += draws[d]!;
		}
		return total;
	};
	const sumPoints = (from: number, count: number) =>
		points.slice(from, from + count).reduce((sum, v) => sum + v, 0);
	const quarters: ProjectedQuarter[] = Array.from({ length: settings.quarters }, (_, q) => ({
		start: monthLabel(startMonth + (n + q * blockPeriods) * months),
		end: monthLabel(startMonth + (n + (q + 1) * blockPeriods) * months - 1),
		...band(sumPoints(q * blockPeriods, blockPeriods), blockDraws(q * blockPeriods, blockPeriods))
	}));
	const yearDraws = blockDraws(0, 4 * blockPeriods);
	const nextYear = band(sumPoints(0, 4 * blockPeriods), yearDraws);
	// `band` sorted the per-period draws in place: they are not used jointly after this.
	const periods = points.map((point, j) => ({
		start: monthLabel(startMonth + (n + j) * months),
		...band(point, periodDraws[j]!)
	}));
	return {
		regression,
		predictiveTheta: theta,
		predictiveCovariance: covariance,
		fitStart: monthLabel(startMonth + first * months),
		fitPeriods,
		fitted: regression.fitted,
		growth: growthRate(beta, covariance),
		periods,
		quarters,
		nextYear,
		nextYearDraws: yearDraws
	};
}
