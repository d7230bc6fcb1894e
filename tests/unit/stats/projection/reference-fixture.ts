import { readFileSync } from 'node:fs';
import type { CountSeries } from '$lib/stats/projection';

/** One series of tests/fixtures/projection/reference.json (written by make-reference.R with MASS::glm.nb). */
export interface ReferenceSeries {
	readonly grain: 'month' | 'quarter';
	readonly start: string;
	readonly family: 'nb' | 'poisson';
	readonly horizon: number;
	readonly counts: number[];
	readonly coefficients: number[];
	readonly standardErrors: number[];
	readonly theta: number | null;
	readonly thetaSe: number | null;
	readonly twoLogLik: number;
	/** Growth per year: estimate, 95% lower, 95% upper. */
	readonly growth: [number, number, number];
	/** The df-corrected Pearson θ the intervals use (null: Poisson), and the growth interval at that θ. */
	readonly predictiveTheta: number | null;
	readonly predictiveGrowth: [number, number, number];
	readonly pointByQuarter: number[];
	/** Per quarter: the 2.5%, 10%, 90% and 97.5% quantiles of 400,000 simulated futures. */
	readonly quantilesByQuarter: number[][];
	readonly pointYear: number;
	readonly quantilesYear: number[];
}

const json = JSON.parse(
	readFileSync(new URL('../../../fixtures/projection/reference.json', import.meta.url), 'utf8')
) as Record<string, unknown>;

export const referenceSeries = (name: string): ReferenceSeries => json[name] as ReferenceSeries;
export const referenceNames = ['quarterly-overdispersed', 'monthly-seasonal', 'quarterly-poisson'] as const;

/** The reference series as the projection takes it: the whole series is the fit window. */
export const asSeries = (ref: ReferenceSeries): CountSeries => ({
	grain: ref.grain,
	start: ref.start,
	counts: ref.counts
});
