import { mean } from './mean';

/** Making Data Count constant: process limits sit 2.66 mean moving ranges (≈ 3σ) from the centre line. */
export const XMR_LIMIT = 2.66;
/** Near ("close to") limits sit two-thirds of the way out (≈ 2σ), as in NHSRplotthedots: 2 × (2.66 / 3). */
export const XMR_NEAR_LIMIT = 2 * (XMR_LIMIT / 3);
/** A moving range at or above 3.267 × MR̄ (the upper range limit) is an outlier when screening is on. */
export const XMR_MOVING_RANGE_OUTLIER = 3.267;

export interface XmrLimits {
	mean: number;
	/** |xᵢ − xᵢ₋₁| for each baseline point; null for the first. */
	movingRanges: (number | null)[];
	/** True where a moving range was dropped by outlier screening. */
	screened: boolean[];
	/** Mean of the (kept) moving ranges; null with fewer than two points. */
	meanMovingRange: number | null;
	lpl: number | null;
	upl: number | null;
	nearLpl: number | null;
	nearUpl: number | null;
}

/**
 * XmR centre line and limits from a baseline of values: mean; moving ranges |xᵢ − xᵢ₋₁|; MR̄; process
 * limits mean ± 2.66·MR̄; near limits mean ± (2/3)·2.66·MR̄. With `screenOutliers`, moving ranges
 * ≥ 3.267·MR̄ are dropped and MR̄ recomputed once (NHSRplotthedots' default; the Making Data Count Excel tool
 * does not screen, so Sightline's default is off).
 *
 * Source: NHS England, "Making Data Count" (2019) and its SPC tool; NHSRplotthedots `ptd_spc_standard`.
 * Tested against every example in `nhsrplotthedots/xmr-examples.json` (screened and unscreened), relative
 * error ≤ 1e-9, plus one-point, two-point and constant baselines.
 */
export function xmrLimits(values: readonly number[], { screenOutliers = false } = {}): XmrLimits {
	const centre = mean(values);
	const movingRanges: (number | null)[] = values.map((v, i) =>
		i === 0 ? null : Math.abs(v - (values[i - 1] as number))
	);
	const present = movingRanges.filter((r): r is number => r !== null);
	let meanMovingRange = present.length > 0 ? mean(present) : null;
	let screened = movingRanges.map(() => false);
	// A zero MR̄ (constant baseline) has no outlying ranges; NHSRplotthedots' strict `<` would drop them all.
	if (screenOutliers && meanMovingRange !== null && meanMovingRange > 0) {
		const cut = XMR_MOVING_RANGE_OUTLIER * meanMovingRange;
		screened = movingRanges.map((r) => r !== null && !(r < cut));
		const kept = movingRanges.filter((r, i): r is number => r !== null && !screened[i]);
		meanMovingRange = kept.length > 0 ? mean(kept) : null;
	}
	if (meanMovingRange === null || Number.isNaN(centre)) {
		return {
			mean: centre,
			movingRanges,
			screened,
			meanMovingRange: null,
			lpl: null,
			upl: null,
			nearLpl: null,
			nearUpl: null
		};
	}
	return {
		mean: centre,
		movingRanges,
		screened,
		meanMovingRange,
		lpl: centre - XMR_LIMIT * meanMovingRange,
		upl: centre + XMR_LIMIT * meanMovingRange,
		nearLpl: centre - XMR_NEAR_LIMIT * meanMovingRange,
		nearUpl: centre + XMR_NEAR_LIMIT * meanMovingRange
	};
}
