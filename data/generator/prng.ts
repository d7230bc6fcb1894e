/** A source of uniform numbers in [0, 1). Every sampler takes one, so a whole extract follows from one seed. */
export type Prng = () => number;

/**
 * Hashes a text seed into four 32-bit words (cyrb128, public domain, by bryc). Used both to seed the
 * generator and to derive independent keys (child ids) from the same seed.
 */
export function hashSeed(seed: string): [number, number, number, number] {
	let h1 = 1779033703;
	let h2 = 3144134277;
	let h3 = 1013904242;
	let h4 = 2773480762;
	for (let i = 0; i < seed.length; i++) {
		const k = seed.charCodeAt(i);
		h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
		h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
		h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
		h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
	}
	h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
	h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
	h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
	h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
	h1 ^= h2 ^ h3 ^ h4;
	h2 ^= h1;
	h3 ^= h1;
	h4 ^= h1;
	return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Counter, from PractRand): 128-bit state, passes PractRand and
 * BigCrush, and uses only 32-bit integer arithmetic, so it gives the same sequence on every JavaScript engine.
 */
export function createPrng(seed: string): Prng {
	let [a, b, c, d] = hashSeed(seed);
	const next = (): number => {
		a >>>= 0;
		b >>>= 0;
		c >>>= 0;
		d >>>= 0;
		let t = (a + b) | 0;
		a = b ^ (b >>> 9);
		b = (c + (c << 3)) | 0;
		c = (c << 21) | (c >>> 11);
		d = (d + 1) | 0;
		t = (t + d) | 0;
		c = (c + t) | 0;
		return (t >>> 0) / 4294967296;
	};
	// The first outputs still carry the structure of the hashed seed; discard them.
	for (let i = 0; i < 15; i++) next();
	return next;
}
