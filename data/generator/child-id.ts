import { hashSeed } from './prng';

const HALF_BITS = 20;
const HALF_MASK = (1 << HALF_BITS) - 1;
const ROUNDS = 4;
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** One Feistel round function: a 32-bit integer hash (lowbias32, by Chris Wellons) of the half and round key. */
function round(half: number, key: number): number {
	let x = (half ^ key) >>> 0;
	x ^= x >>> 16;
	x = Math.imul(x, 0x7feb352d);
	x ^= x >>> 15;
	x = Math.imul(x, 0x846ca68b);
	x ^= x >>> 16;
	return x & HALF_MASK;
}

/**
 * Pseudonymous child ids: `C-` and 10 hex digits. A 4-round Feistel network keyed by the seed permutes the
 * 40-bit child number, so ids look random, follow from the seed, and never collide (a permutation is one to
 * one), unlike a truncated hash, which would collide about once in four runs at a million children.
 */
export function childIdFormatter(seed: string): (childNumber: number) => string {
	const keys = hashSeed(`${seed}:child-id`);
	return (childNumber) => {
		let left = Math.floor(childNumber / (1 << HALF_BITS)) & HALF_MASK;
		let right = childNumber & HALF_MASK;
		for (let r = 0; r < ROUNDS; r++) {
			const next = left ^ round(right, keys[r] ?? 0);
			left = right;
			right = next;
		}
		// 40 bits as 10 hex digits: the top 8 bits, then the last 32 (a lookup per byte beats toString(16)).
		const high = left >>> 12;
		const low = (((left & 0xfff) << HALF_BITS) | right) >>> 0;
		return `C-${HEX[high]}${HEX[low >>> 24]}${HEX[(low >>> 16) & 255]}${HEX[(low >>> 8) & 255]}${HEX[low & 255]}`;
	};
}
