import { logGamma } from '../log-gamma';
import { fitCountGlm, type CountGlmFit } from './count-glm';
import { digamma, trigamma } from './polygamma';

/** A count regression as the projection uses it: negative binomial, or Poisson where no overdispersion is found. */
export interface CountRegression extends CountGlmFit {
	readonly family: 'negative-binomial' | 'poisson';
	/** Negative binomial size θ (variance μ + μ²/θ); Infinity for Poisson. */
	readonly theta: number;
	/** θ's standard error from the observed information (MASS's `SE.theta`); null for Poisson. */
	readonly thetaSe: number | null;
	/** Twice the maximised log-likelihood (MASS's `twologlik`; for Poisson, 2 × R's `logLik`). */
	readonly twoLogLik: number;
}

/**
 * Above this θ the negative binomial is indistinguishable from the Poisson for the counts projected here
 * (μ²/θ is under 1% of μ for any μ below 100), and θ̂ is running off to infinity: MASS::glm.nb would stop at
 * its alternation limit with a warning. The Poisson GLM is then the fit, and it says so.
 */
export const POISSON_THETA = 1e4;

const twoLogLikOf = (y: readonly number[], mu: readonly number[], theta: number): number => {
	let sum = 0;
	for (let i = 0; i < y.length; i++) {
		const yi = y[i]!;
		const mi = mu[i]!;
		sum += Number.isFinite(theta)
			? logGamma(theta + yi) -
				logGamma(theta) -
				logGamma(yi + 1) +
				theta * Math.log(theta) +
				yi * Math.log(mi + (yi === 0 ? 1 : 0)) -
				(theta + yi) * Math.log(theta + mi)
			: yi * Math.log(mi) - mi - logGamma(yi + 1);
	}
	return 2 * sum;
};

/** MASS::theta.ml: Newton–Raphson on the score for θ given the means, from the moment estimate. */
function thetaMl(y: readonly number[], mu: readonly number[], limit: number): { theta: number; se: number } {
	const n = y.length;
	let t0 = n / y.reduce((sum, yi, i) => sum + (yi / mu[i]! - 1) ** 2, 0);
	let info = NaN;
	let del = 1;
	const eps = Math.pow(2.220446049250313e-16, 0.25);
	for (let it = 1; it < limit && Math.abs(del) > eps; it++) {
		t0 = Math.abs(t0);
		let score = 0;
		info = 0;
		for (let i = 0; i < n; i++) {
			const yi = y[i]!;
			const mi = mu[i]!;
			score += digamma(t0 + yi) - digamma(t0) + Math.log(t0) + 1 - Math.log(t0 + mi) - (yi + t0) / (mi + t0);
			info += -trigamma(t0 + yi) + trigamma(t0) - 1 / t0 + 2 / (mi + t0) - (yi + t0) / (mi + t0) ** 2;
		}
		del = score / info;
		t0 += del;
		if (!Number.isFinite(t0) || t0 > POISSON_THETA) return { theta: Infinity, se: NaN };
	}
	return { theta: Math.max(t0, 0), se: Math.sqrt(1 / info) };
}

/**
 * Negative binomial regression with log link and ML dispersion, as MASS::glm.nb (Venables and Ripley,
 * Modern Applied Statistics with S, 4th edn, §7.4): a Poisson fit, then alternate θ by `theta.ml` and the
 * coefficients by IRLS with θ fixed, until |ΔlogLik|/d1 + |Δθ|/d2 < ε. When θ̂ exceeds `POISSON_THETA` the data
 * show no overdispersion and the Poisson GLM is returned. Checked against R 4.2 / MASS 7.3-58 on three series
 * (tests/fixtures/projection/): coefficients and standard errors to 1e-6 relative, θ and its SE to 1e-4.
 */
export function negativeBinomialGlm(
	y: readonly number[],
	x: readonly (readonly number[])[],
	offset: readonly number[],
	epsilon = 1e-10,
	maxIterations = 100
): CountRegression | null {
	const poisson = fitCountGlm({ y, x, offset, theta: Infinity, epsilon, maxIterations });
	if (!poisson) return null;
	const asPoisson = (): CountRegression => ({
		...poisson,
		family: 'poisson',
		theta: Infinity,
		thetaSe: null,
		twoLogLik: twoLogLikOf(y, poisson.fitted, Infinity)
	});
	let mu = poisson.fitted;
	let { theta, se } = thetaMl(y, mu, maxIterations);
	if (!Number.isFinite(theta)) return asPoisson();
	const d1 = Math.sqrt(2 * Math.max(1, y.length - (x[0]?.length ?? 0)));
	const d2 = 1;
	let del = 1;
	let lm = twoLogLikOf(y, mu, theta) / 2;
	let lm0 = lm + 2 * d1;
	let fit: CountGlmFit | null = poisson;
	for (
		let iter = 1;
		iter <= maxIterations && Math.abs(lm0 - lm) / d1 + Math.abs(del) / d2 > epsilon;
		iter++
	) {
		fit = fitCountGlm({ y, x, offset, theta, start: mu, epsilon, maxIterations });
		if (!fit) return null;
		const t0 = theta;
		// As glm.nb does: θ is re-estimated from the means before this iteration's update.
		({ theta, se } = thetaMl(y, mu, maxIterations));
		if (!Number.isFinite(theta)) return asPoisson();
		mu = fit.fitted;
		del = t0 - theta;
		lm0 = lm;
		lm = twoLogLikOf(y, mu, theta) / 2;
	}
	return {
		...fit,
		family: 'negative-binomial',
		theta,
		thetaSe: se,
		twoLogLik: 2 * lm
	};
}
