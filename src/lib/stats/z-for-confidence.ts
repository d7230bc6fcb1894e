import { normalQuantile } from './normal-quantile';

/**
 * Validates a two-sided confidence level given as a fraction (0.95, not 95) and throws otherwise.
 * Fractions only, so 99.8 can never be mistaken for 0.998.
 */
export function assertConfidence(confidence: number): void {
	if (!(confidence > 0 && confidence < 1)) {
		throw new RangeError(
			`confidence must be a fraction strictly between 0 and 1 (e.g. 0.95), got ${confidence}`
		);
	}
}

/**
 * The two-sided critical value z = Φ⁻¹(1 − α/2) for a confidence level 1 − α.
 *
 * Computed as PHEindicatormethods does, `qnorm(confidence + (1 - confidence) / 2)`, so that every interval
 * built on it rounds the same way as the reference outputs. Tested against z(95%) = 1.959963985 and
 * z(99.8%) = 3.090232306 (Sightline domain README §4).
 */
export function zForConfidence(confidence: number): number {
	assertConfidence(confidence);
	return normalQuantile(confidence + (1 - confidence) / 2);
}
