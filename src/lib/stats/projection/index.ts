// Next year's demand: a count series projected with intervals, its backtest, and the planning table.
export type { CountSeries } from './count-series';
export { negativeBinomialGlm, POISSON_THETA, type CountRegression } from './negative-binomial-glm';
export { designNames } from './projection-design';
export {
	fitProjection,
	defaultProjectionSettings,
	sortedQuantile,
	growthRate,
	type ProjectionFit,
	type ProjectionSettings,
	type ProjectedBand,
	type ProjectedQuarter,
	type GrowthRate
} from './fit-projection';
export { seededRandom, type SeededRandom } from './seeded-random';
export { projectCounts, methodName, PROJECTION_RULE, type Projection } from './project-counts';
export { rollingOriginBacktest, type Backtest } from './rolling-origin-backtest';
export { planningTable, type MixCount, type PlanningRow } from './planning-table';
export { pearsonTheta, countCovariance } from './pearson-dispersion';
