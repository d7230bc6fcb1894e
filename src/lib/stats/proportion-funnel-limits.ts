import type { FunnelLimits, FunnelSide } from './funnel-limits';
import { zForConfidence } from './z-for-confidence';

function assertBaseline(baseline: number): void {
	if (!(baseline >= 0 && baseline <= 1)) {
		throw new RangeError(`proportion funnel: baseline must be a proportion in [0, 1], got ${baseline}`);
	}
}

/**
 * One funnel control limit for a proportion at denominator n, on the proportion scale (0–1).
 *
 * The limit is the observed proportion whose Wilson score interval just reaches the baseline b ("inverted
 * Wilson", PHE Fingertips; PHEindicatormethods `sigma_adjustment`). Because the Wilson interval is the set of
 * π with n(p − π)² ≤ z²π(1 − π), that proportion is exactly b ± z·√(b(1 − b)/n), the binomial
 * normal-approximation limit of Spiegelhalter (2005); this closed form is algebraically identical to PHE's
 * expression. Clamped to [0, 1]. Tested against the PHEindicatormethods funnel outputs
 * (`pheindicatormethods/testdata_funnel_prop_outputs.csv`, published to 6 decimal places) and by checking
 * that the Wilson interval of each limit ends at the baseline (relative error ≤ 1e-9).
 */
export function proportionFunnelLimit(
	denominator: number,
	baseline: number,
	confidence: number,
	side: FunnelSide
): number {
	if (!(denominator > 0) || !Number.isFinite(denominator)) {
		throw new RangeError(`proportionFunnelLimit: denominator must be > 0, got ${denominator}`);
	}
	assertBaseline(baseline);
	const halfWidth = zForConfidence(confidence) * Math.sqrt((baseline * (1 - baseline)) / denominator);
	const limit = side === 'lower' ? baseline - halfWidth : baseline + halfWidth;
	return Math.min(1, Math.max(0, limit));
}

/**
 * The 95% and 99.8% funnel limits for a proportion at denominator n, × multiplier (1 for a proportion, 100
 * for a percentage). Method and tests as {@link proportionFunnelLimit}.
 */
export function proportionFunnelLimits(
	denominator: number,
	baseline: number,
	{ multiplier = 1 }: { multiplier?: number } = {}
): FunnelLimits {
	return {
		denominator,
		baseline: baseline * multiplier,
		lower95: proportionFunnelLimit(denominator, baseline, 0.95, 'lower') * multiplier,
		upper95: proportionFunnelLimit(denominator, baseline, 0.95, 'upper') * multiplier,
		lower998: proportionFunnelLimit(denominator, baseline, 0.998, 'lower') * multiplier,
		upper998: proportionFunnelLimit(denominator, baseline, 0.998, 'upper') * multiplier
	};
}
