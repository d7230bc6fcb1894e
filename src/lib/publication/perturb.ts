import { ptableNoise } from './ptable';

/**
 * The published value of a count: the true count plus the ptable's noise for it and its cell key (the sum
 * of its records' keys, modulo 256). Deterministic: the same records give the same published value
 * whatever query or view counted them.
 */
export function perturb(count: number, cellKey: number): number {
	return count + ptableNoise(count, cellKey);
}
