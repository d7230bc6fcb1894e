// Sightline's statistics: pure functions, checked against published reference outputs (see README.md).

// Distributions and numerical tools
export { normalQuantile } from './normal-quantile';
export { zForConfidence, assertConfidence } from './z-for-confidence';
export { logGamma } from './log-gamma';
export { regularizedGammaP, regularizedGammaQ, gammaDensity } from './regularized-gamma';
export { gammaQuantile } from './gamma-quantile';
export { chiSquareQuantile } from './chi-square-quantile';
export { findRoot } from './find-root';
export { mean } from './mean';
export { isRareEventSeries, RARE_EVENT_MEAN } from './rare-events';

// Confidence intervals, proportions and rates
export { type Interval, CONFIDENCE_95, CONFIDENCE_99_8 } from './interval';
export { wilsonInterval } from './wilson-interval';
export { byarsLower, byarsUpper } from './byars-interval';
export { exactPoissonInterval } from './exact-poisson-interval';
export { poissonInterval, BYARS_THRESHOLD, type PoissonInterval } from './poisson-interval';
export { proportionWithInterval, type Estimate, type ProportionOptions } from './proportion-with-interval';
export { rateWithInterval, type RateEstimate, type RateOptions } from './rate-with-interval';

// Funnel plots
export type { FunnelLimits, FunnelSide } from './funnel-limits';
export { proportionFunnelLimit, proportionFunnelLimits } from './proportion-funnel-limits';
export { poissonFunnelCount, rateFunnelLimit, rateFunnelLimits } from './rate-funnel-limits';
export {
	proportionFunnelSignificance,
	rateFunnelSignificance,
	type FunnelComparison,
	type FunnelLabel,
	type FunnelSignificance,
	type FunnelUnitSignificance
} from './funnel-significance';
export { funnelCurve } from './funnel-curve';

// Statistical process control (XmR, Making Data Count)
export { xmrLimits, XMR_LIMIT, XMR_NEAR_LIMIT, XMR_MOVING_RANGE_OUTLIER, type XmrLimits } from './xmr-limits';
export {
	specialCauseTypes,
	trendRule,
	shiftRule,
	twoInThreeRule,
	RUN_LENGTH,
	type Side,
	type SpecialCauseType
} from './special-cause-rules';
export {
	pointType,
	variationIcon,
	type ImprovementDirection,
	type PointType,
	type VariationIcon,
	type VariationIconType
} from './variation-icon';
export {
	xmr,
	PROVISIONAL_BELOW,
	type XmrOptions,
	type XmrPeriod,
	type XmrPoint,
	type XmrResult
} from './xmr';

// Trends and comparisons
export { chiSquareForTrend, type ChiSquareForTrend } from './chi-square-for-trend';
export { recentTrend, RECENT_TREND_POINTS, type RecentTrend, type RecentTrendResult } from './recent-trend';
export { comparisonVerdict, type ComparisonVerdict } from './comparison-verdict';
export { compareRates, type PeriodCount, type RateComparison } from './compare-rates';
export { compareProportions, type ProportionComparison } from './compare-proportions';

// Plain-English descriptions for the Methods page and README
export { methods, methodsMarkdown, type MethodDescription } from './methods';

// Next year's demand: projection with prediction intervals, rolling-origin backtest, planning table
export * from './projection';
