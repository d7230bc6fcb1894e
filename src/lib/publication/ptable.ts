/**
 * Sightline's perturbation table ("ptable") for the cell key method (Thompson, Broadfoot and Elazar,
 * *Methodology for the automatic confidentialisation of statistical outputs from remote servers at the
 * ABS*, 2013; as ONS used it for Census 2021, see ONSdigital/cell-key-perturbation). A published count is
 * `count + noise(count, cellKey)`: the noise depends only on the true count and the cell key, and the cell
 * key only on which records are in the cell, so the same cell gets the same noise in every view.
 *
 * Parameters (stated on the Methods page from these constants):
 * - keys are integers 0–255 ({@link KEY_RANGE});
 * - 0 stays 0, and nothing is published below 0;
 * - true counts 1–5 are never published as themselves: no published value lies in 1–5
 *   ({@link PROTECTED_MAX}); such a count is published as 0 or 6, with the chances that make its
 *   expected value the true count (e.g. 1 → 6 for 43 of the 256 keys, else 0);
 * - counts 6 and 7 keep out of 1–5 too, with mean-zero noise of at most 6 (6 → 0 for 8 keys);
 * - counts of 8 or more get noise −2…+2 with probabilities 24, 56, 96, 56, 24 in 256 (mean 0, variance
 *   about 1.19, {@link MAX_NOISE} = 2), so 62.5% of larger cells move by 1 or 2;
 * - each count's row of 256 noises is shuffled by a fixed seed of its own (rows repeat every 500 counts
 *   above 1,000, as ONS's ptable repeats above 750), so two cells whose keys agree but whose counts differ
 *   get unrelated noise.
 * The ONS 10-5 example ptable (withhold below 10, round to 5) was rejected: deterministic rounding lets a
 * reader bound a hidden cell from a total and its rounded parts (see docs/disclosure-control in the issue).
 */

/** Record and cell keys are integers 0 … KEY_RANGE − 1. */
export const KEY_RANGE = 256;
/** True counts 1 … PROTECTED_MAX are protected: none is published as a value in that range. */
export const PROTECTED_MAX = 5;
/** The largest noise added to a count of 8 or more. */
export const MAX_NOISE = 2;
/** The largest noise added to any count (a protected count published as 0 or 6). */
export const MAX_NOISE_SMALL = PROTECTED_MAX + 1;

/** Noise → how many of the 256 keys give it, for one true count. The sums are 256 by construction. */
function distribution(count: number): ReadonlyMap<number, number> {
	const published = PROTECTED_MAX + 1;
	if (count === 0) return new Map([[0, KEY_RANGE]]);
	if (count <= PROTECTED_MAX) {
		// Mean zero: P(published) × 6 = count, to the nearest key.
		const up = Math.round((KEY_RANGE * count) / published);
		return new Map([
			[published - count, up],
			[-count, KEY_RANGE - up]
		]);
	}
	if (count === 6)
		// −6 × 8 + 1 × 16 + 2 × 16 = 0: the only way down that avoids 1–5 is to 0.
		return new Map([
			[-6, 8],
			[0, 216],
			[1, 16],
			[2, 16]
		]);
	if (count === 7)
		// −1 × 32 + 1 × 16 + 2 × 8 = 0: 7 may fall to 6, never to 5.
		return new Map([
			[-1, 32],
			[0, 200],
			[1, 16],
			[2, 8]
		]);
	return new Map([
		[-2, 24],
		[-1, 56],
		[0, 96],
		[1, 56],
		[2, 24]
	]);
}

/** mulberry32: a small, fixed pseudo-random generator, so the table is the same on every device. */
function generator(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** The ptable row a count reads: its own up to 1,000, then rows 501–1,000 over again. */
export function ptableRow(count: number): number {
	return count <= 1000 ? count : ((count - 1) % 500) + 501;
}

const rows = new Map<number, Int8Array>();

/** The 256 noises of one ptable row, indexed by cell key. */
export function noiseRow(count: number): Int8Array {
	const row = ptableRow(count);
	const cached = rows.get(row);
	if (cached) return cached;
	const noises = new Int8Array(KEY_RANGE);
	let at = 0;
	for (const [noise, keys] of distribution(Math.min(row, 8))) noises.fill(noise, at, (at += keys));
	const random = generator(0x5167_6874 ^ Math.imul(row, 0x9e3779b1));
	for (let i = KEY_RANGE - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[noises[i], noises[j]] = [noises[j]!, noises[i]!];
	}
	rows.set(row, noises);
	return noises;
}

/** The ptable's noise for a true count and a cell key (any integer; reduced modulo 256). */
export function ptableNoise(count: number, cellKey: number): number {
	if (!Number.isInteger(count) || count < 0) throw new RangeError(`Not a count: ${count}`);
	if (!Number.isInteger(cellKey)) throw new RangeError(`Not a cell key: ${cellKey}`);
	return noiseRow(count)[((cellKey % KEY_RANGE) + KEY_RANGE) % KEY_RANGE]!;
}
