/** Which control limit of a funnel: below the baseline or above it. */
export type FunnelSide = 'lower' | 'upper';

/**
 * Funnel plot control limits at one denominator, on the output scale (× multiplier): 95% limits (about two
 * standard errors) and 99.8% limits (about three), as Spiegelhalter (2005) and PHE Fingertips draw them.
 */
export interface FunnelLimits {
	denominator: number;
	baseline: number;
	lower95: number;
	upper95: number;
	lower998: number;
	upper998: number;
}
