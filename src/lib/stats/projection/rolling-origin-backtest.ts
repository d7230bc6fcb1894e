import { periodsPerYear, type CountSeries } from './count-series';
import { defaultProjectionSettings, fitProjection, type ProjectionSettings } from './fit-projection';
import { PROJECTION_RULE } from './project-counts';

/** Out-of-sample accuracy of the projection and of the seasonal-naive benchmark. */
export interface Backtest {
	/** Forecast origins tried and forecasts scored (origin × horizon). */
	readonly origins: number;
	readonly forecasts: number;
	/** Mean absolute scaled error of the model and of the seasonal-naive forecast (below 1: better than it in-sample). */
	readonly mase: number;
	readonly benchmarkMase: number;
	/** Share of actual counts inside the model's 80% and 95% prediction intervals. */
	readonly coverage80: number;
	readonly coverage95: number;
}

/**
 * Rolling-origin evaluation (Tashman 2000; Hyndman and Athanasopoulos, Forecasting: Principles and Practice,
 * 3rd edn, §5.10): from each origin with at least two years behind it, fit on the data up to the origin and
 * forecast the next `horizonQuarters` quarters (at the series' grain); score each forecast against what
 * happened. MASE (Hyndman and Koehler 2006) scales each absolute error by the in-sample mean absolute error
 * of the seasonal-naive forecast (same period a year before) up to that origin; the benchmark is that
 * seasonal-naive forecast itself, scored the same way. Returns null when no origin can be scored.
 */
export function rollingOriginBacktest(
	series: CountSeries,
	horizonQuarters = 4,
	settings: ProjectionSettings = { ...defaultProjectionSettings, draws: 2000 }
): Backtest | null {
	const perYear = periodsPerYear(series.grain);
	const horizon = (horizonQuarters * perYear) / 4;
	const counts = series.counts;
	const minimum = PROJECTION_RULE.minimumYears * perYear;
	let origins = 0;
	let forecasts = 0;
	let modelError = 0;
	let naiveError = 0;
	let inside80 = 0;
	let inside95 = 0;
	for (let origin = minimum; origin < counts.length; origin++) {
		const training = counts.slice(0, origin);
		let scale = 0;
		for (let t = perYear; t < origin; t++) scale += Math.abs(training[t]! - training[t - perYear]!);
		scale /= origin - perYear;
		if (!(scale > 0)) continue;
		const fit = fitProjection({ ...series, counts: training }, { ...settings, quarters: horizonQuarters });
		if (!fit) continue;
		origins++;
		for (let h = 0; h < horizon && origin + h < counts.length; h++) {
			const actual = counts[origin + h]!;
			const forecast = fit.periods[h]!;
			const naive = training[origin + h - perYear * (1 + Math.floor(h / perYear))]!;
			forecasts++;
			modelError += Math.abs(actual - forecast.point) / scale;
			naiveError += Math.abs(actual - naive) / scale;
			if (actual >= forecast.lower80 && actual <= forecast.upper80) inside80++;
			if (actual >= forecast.lower95 && actual <= forecast.upper95) inside95++;
		}
	}
	if (forecasts === 0) return null;
	return {
		origins,
		forecasts,
		mase: modelError / forecasts,
		benchmarkMase: naiveError / forecasts,
		coverage80: inside80 / forecasts,
		coverage95: inside95 / forecasts
	};
}
