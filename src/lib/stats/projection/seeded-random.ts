/** A seeded source of random variates for the projection's simulations: the same seed, the same draws. */
export interface SeededRandom {
	/** Uniform on (0, 1), never exactly 0. */
	uniform(): number;
	/** Standard normal (Box–Muller, one value per call). */
	normal(): number;
	/** Gamma with this shape and scale 1 (Marsaglia and Tsang 2000; boosted below shape 1). */
	gamma(shape: number): number;
	/** Poisson with this mean (inversion below 30, otherwise Hörmann's PTRS transformed rejection). */
	poisson(mean: number): number;
	/** Binomial(n, p) by inversion from the nearer end (n here is at most a few thousand). */
	binomial(n: number, p: number): number;
}

/**
 * A seeded random source: sfc32 (Doty-Humphrey's small fast counter generator, as in PractRand), its state
 * filled from the seed by splitmix32. Not for anything cryptographic; only so that a projection's intervals
 * are the same every time the same counts are projected.
 */
export function seededRandom(seed: number): SeededRandom {
	let s = seed >>> 0;
	const split = () => {
		s = (s + 0x9e3779b9) >>> 0;
		let z = s;
		z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
		z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
		return (z ^ (z >>> 16)) >>> 0;
	};
	let a = split();
	let b = split();
	let c = split();
	let d = split();
	const next = (): number => {
		const t = (((a + b) >>> 0) + d) >>> 0;
		d = (d + 1) >>> 0;
		a = b ^ (b >>> 9);
		b = (c + (c << 3)) >>> 0;
		c = ((c << 21) | (c >>> 11)) >>> 0;
		c = (c + t) >>> 0;
		return t;
	};
	for (let i = 0; i < 12; i++) next();
	const uniform = () => (next() + 0.5) / 4294967296;
	const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
	const gamma = (shape: number): number => {
		if (shape < 1) return gamma(shape + 1) * Math.pow(uniform(), 1 / shape);
		const dd = shape - 1 / 3;
		const cc = 1 / Math.sqrt(9 * dd);
		for (;;) {
			let x: number;
			let v: number;
			do {
				x = normal();
				v = 1 + cc * x;
			} while (v <= 0);
			v = v * v * v;
			const u = uniform();
			if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + dd * (1 - v + Math.log(v))) return dd * v;
		}
	};
	const poisson = (mean: number): number => {
		if (!(mean > 0)) return 0;
		if (mean < 30) {
			let k = 0;
			let p = Math.exp(-mean);
			let cdf = p;
			const u = uniform();
			while (u > cdf && k < 1000) {
				k++;
				p *= mean / k;
				cdf += p;
			}
			return k;
		}
		// PTRS: W. Hörmann, "The transformed rejection method for generating Poisson random variables" (1993).
		const slam = Math.sqrt(mean);
		const loglam = Math.log(mean);
		const bb = 0.931 + 2.53 * slam;
		const aa = -0.059 + 0.02483 * bb;
		const invalpha = 1.1239 + 1.1328 / (bb - 3.4);
		const vr = 0.9277 - 3.6224 / (bb - 2);
		for (;;) {
			const u = uniform() - 0.5;
			const v = uniform();
			const us = 0.5 - Math.abs(u);
			const k = Math.floor(((2 * aa) / us + bb) * u + mean + 0.43);
			if (us >= 0.07 && v <= vr) return k;
			if (k < 0 || (us < 0.013 && v > us)) continue;
			if (
				Math.log(v) + Math.log(invalpha) - Math.log(aa / (us * us) + bb) <=
				-mean + k * loglam - logFactorial(k)
			)
				return k;
		}
	};
	const binomial = (n: number, p: number): number => {
		if (n <= 0 || p <= 0) return 0;
		if (p >= 1) return n;
		const flip = p > 0.5;
		const q = flip ? 1 - p : p;
		const ratio = q / (1 - q);
		let k = 0;
		let prob = Math.pow(1 - q, n);
		let cdf = prob;
		const u = uniform();
		while (u > cdf && k < n) {
			prob *= (ratio * (n - k)) / (k + 1);
			k++;
			cdf += prob;
		}
		return flip ? n - k : k;
	};
	return { uniform, normal, gamma, poisson, binomial };
}

/** ln k! by Stirling's series (exact enough for the PTRS acceptance test, k ≥ 0). */
function logFactorial(k: number): number {
	if (k < 2) return 0;
	if (k < 10) {
		let sum = 0;
		for (let i = 2; i <= k; i++) sum += Math.log(i);
		return sum;
	}
	const x = k + 1;
	return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x ** 3);
}
