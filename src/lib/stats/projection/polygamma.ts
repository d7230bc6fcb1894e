/**
 * Digamma ψ(x) and trigamma ψ′(x) for x > 0: recurrence up to x ≥ 6, then the asymptotic series
 * (Abramowitz and Stegun 6.3.18 and 6.4.12); absolute error below 1e-12, enough for the negative binomial
 * dispersion's score and information (MASS::theta.ml), which the fixtures check through θ̂ against R.
 */
export function digamma(x: number): number {
	let result = 0;
	let z = x;
	while (z < 6) {
		result -= 1 / z;
		z += 1;
	}
	const f = 1 / (z * z);
	return (
		result +
		Math.log(z) -
		0.5 / z -
		f * (1 / 12 - f * (1 / 120 - f * (1 / 252 - f * (1 / 240 - f * (1 / 132)))))
	);
}

export function trigamma(x: number): number {
	let result = 0;
	let z = x;
	while (z < 6) {
		result += 1 / (z * z);
		z += 1;
	}
	const f = 1 / (z * z);
	return (
		result + 1 / z + f / 2 + (f / z) * (1 / 6 - f * (1 / 30 - f * (1 / 42 - f * (1 / 30 - f * (5 / 66)))))
	);
}
