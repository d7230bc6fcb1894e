import { regularizedGammaQ } from './regularized-gamma';

export interface ChiSquareForTrend {
	/** The 1-degree-of-freedom chi-square statistic for a linear trend in proportions. */
	chiSquare: number;
	/** Two-sided p-value, Pr(χ²₁ ≥ statistic). */
	pValue: number;
	/** Direction of the trend in the proportions over the scores: 1 rising, −1 falling, 0 flat. */
	direction: -1 | 0 | 1;
}

/**
 * Chi-square test for linear trend in proportions xᵢ/nᵢ over scores tᵢ (Cochran 1954; Armitage 1955),
 * without continuity correction:
 * χ² = N(NΣxᵢtᵢ − XΣnᵢtᵢ)² / (X(N − X)(NΣnᵢtᵢ² − (Σnᵢtᵢ)²)), N = Σnᵢ, X = Σxᵢ.
 *
 * This is the statistic PHE Fingertips computes for recent trends in proportions (its TrendMarkerCalculator,
 * scores 1–5) and R's `prop.trend.test`. Returns null when it is undefined: no events or all events
 * (X = 0 or X = N), or all the weight on one score. Tested against R's documented `prop.trend.test` example
 * (smokers 83/86, 90/93, 129/136, 70/82: χ² = 8.2249, p = 0.004132, published to 4 significant figures).
 */
export function chiSquareForTrend(
	numerators: readonly number[],
	denominators: readonly number[],
	scores: readonly number[] = numerators.map((_, i) => i + 1)
): ChiSquareForTrend | null {
	if (numerators.length !== denominators.length || numerators.length !== scores.length) {
		throw new RangeError('chiSquareForTrend: numerators, denominators and scores must be the same length');
	}
	let N = 0;
	let X = 0;
	let sumXT = 0;
	let sumNT = 0;
	let sumNT2 = 0;
	numerators.forEach((x, i) => {
		const n = denominators[i] as number;
		const t = scores[i] as number;
		if (!(x >= 0) || !(n >= x) || !Number.isFinite(n) || !Number.isFinite(t)) {
			throw new RangeError(`chiSquareForTrend: need 0 <= numerator <= denominator, got ${x}/${n}`);
		}
		N += n;
		X += x;
		sumXT += x * t;
		sumNT += n * t;
		sumNT2 += n * t * t;
	});
	const spread = N * sumNT2 - sumNT * sumNT;
	if (X === 0 || X === N || !(spread > 0)) return null;
	const score = N * sumXT - X * sumNT;
	const chiSquare = (N * score * score) / (X * (N - X) * spread);
	return {
		chiSquare,
		pValue: regularizedGammaQ(0.5, chiSquare / 2),
		direction: score > 0 ? 1 : score < 0 ? -1 : 0
	};
}
