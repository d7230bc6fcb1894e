import { periodsPerYear, type CountSeries } from './count-series';
import {
	defaultProjectionSettings,
	fitProjection,
	type ProjectionFit,
	type ProjectionSettings
} from './fit-projection';

/** The stated rule's thresholds (see `projectCounts`). */
export const PROJECTION_RULE = {
	/** Complete periods needed, in years: each season seen twice. */
	minimumYears: 2,
	/** Counts needed in the fit window. */
	minimumTotal: 20,
	/** The 80% interval for next year's total may be at most this many times the projection wide. */
	maximumRelativeWidth80: 1
} as const;

export type Projection =
	| ({ readonly kind: 'projected'; readonly method: string } & ProjectionFit)
	| { readonly kind: 'withheld'; readonly reason: string };

const format = (value: number) => String(Math.round(value));

/** The method in one sentence, for the page and the Methods list. */
export function methodName(fit: ProjectionFit, series: CountSeries): string {
	const family = fit.regression.family === 'poisson' ? 'Poisson' : 'negative binomial';
	const unit = series.grain === 'quarter' ? 'quarters' : 'months';
	const spread = Number.isFinite(fit.predictiveTheta)
		? `the variation in counts (more than chance alone: negative binomial, θ = ${fit.predictiveTheta.toFixed(1)})`
		: 'the variation in counts (Poisson: no more than chance alone)';
	return (
		`A ${family} regression with a log-linear trend and quarter-of-year seasonal terms, fitted to the last ` +
		`${fit.fitPeriods} ${unit}; prediction intervals from simulated futures that carry the uncertainty in ` +
		`the trend and season as well as ${spread}.`
	);
}

/**
 * Projects a count series for the next 4–8 quarters, or withholds the projection with the reason, by a rule
 * stated in advance:
 * 1. at least two years of complete periods (8 quarters or 24 months), so each season is seen twice;
 * 2. at least 20 counted in the fit window (the last three years), below which a trend is mostly noise;
 * 3. the model converges;
 * 4. the 80% prediction interval for next year's total is no wider than the projection itself (about ±50%):
 *    wider than that, the figure would not help anyone plan, so the page says "too noisy" rather than draw
 *    a line.
 */
export function projectCounts(
	series: CountSeries,
	settings: ProjectionSettings = defaultProjectionSettings
): Projection {
	const perYear = periodsPerYear(series.grain);
	const unit = series.grain === 'quarter' ? 'quarters' : 'months';
	const needed = PROJECTION_RULE.minimumYears * perYear;
	if (series.counts.length < needed)
		return {
			kind: 'withheld',
			reason: `Too few periods to project: ${series.counts.length} complete ${unit}, and a projection needs at least ${needed} (two years).`
		};
	const window = series.counts.slice(-Math.round(settings.fitYears * perYear));
	const total = window.reduce((sum, v) => sum + v, 0);
	if (total < PROJECTION_RULE.minimumTotal)
		return {
			kind: 'withheld',
			reason: `Too few to project: ${total} in the last ${window.length} ${unit}, and a projection needs at least ${PROJECTION_RULE.minimumTotal}.`
		};
	const fit = fitProjection(series, settings);
	if (!fit)
		return { kind: 'withheld', reason: 'No projection: the model could not be fitted to these counts.' };
	const { point, lower80, upper80 } = fit.nextYear;
	if (upper80 - lower80 > PROJECTION_RULE.maximumRelativeWidth80 * point)
		return {
			kind: 'withheld',
			reason: `Too noisy to project: next year's 80% interval (${format(lower80)} to ${format(upper80)}) would be wider than the projection itself (${format(point)}).`
		};
	return { kind: 'projected', method: methodName(fit, series), ...fit };
}
