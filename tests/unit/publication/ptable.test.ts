import { describe, expect, it } from 'vitest';
import { perturb } from '$lib/publication/perturb';
import {
	KEY_RANGE,
	MAX_NOISE,
	MAX_NOISE_SMALL,
	noiseRow,
	PROTECTED_MAX,
	ptableNoise,
	ptableRow
} from '$lib/publication/ptable';

const keys = Array.from({ length: KEY_RANGE }, (_, key) => key);
const counts = Array.from({ length: 1200 }, (_, count) => count);

describe('the ptable', () => {
	it('keeps 0 at 0 and publishes nothing below 0', () => {
		expect(keys.filter((key) => perturb(0, key) !== 0)).toEqual([]);
		const negative = counts.flatMap((count) => keys.filter((key) => perturb(count, key) < 0));
		expect(negative).toEqual([]);
	});

	it('never publishes a value in the protected range 1–5, so no small count is published as itself', () => {
		const inRange = counts.flatMap((count) =>
			keys
				.map((key) => perturb(count, key))
				.filter((published) => published >= 1 && published <= PROTECTED_MAX)
		);
		expect(inRange).toEqual([]);
		// Every protected count can come out as 0 and as 6: a published 0 or 6 does not say which it was.
		for (let count = 1; count <= PROTECTED_MAX; count++) {
			const outputs = new Set(keys.map((key) => perturb(count, key)));
			expect([...outputs].sort((a, b) => a - b)).toEqual([0, PROTECTED_MAX + 1]);
		}
	});

	it('adds mean-zero noise: over the 256 keys, every count comes out on average as itself', () => {
		for (const count of counts) {
			const mean = keys.reduce((sum, key) => sum + ptableNoise(count, key), 0) / KEY_RANGE;
			// Exactly 0 from 6 up; within 1/256 × 6 for 1–5 (a whole number of keys publishes 6).
			expect(Math.abs(mean)).toBeLessThanOrEqual(count <= PROTECTED_MAX ? 0.012 : 1e-12);
		}
	});

	it('bounds the noise: at most ±2 from 8 up, at most 6 below', () => {
		for (const count of counts) {
			const largest = Math.max(...keys.map((key) => Math.abs(ptableNoise(count, key))));
			expect(largest).toBeLessThanOrEqual(count >= 8 ? MAX_NOISE : MAX_NOISE_SMALL);
		}
		// Larger counts are really perturbed: about 62% of keys move them.
		const moved = keys.filter((key) => ptableNoise(100, key) !== 0).length;
		expect(moved).toBe(160);
	});

	it('is a fixed table: the same count and key give the same noise, whatever else was asked before', () => {
		const first = keys.map((key) => ptableNoise(37, key));
		for (const count of counts.slice(0, 50)) noiseRow(count);
		expect(keys.map((key) => ptableNoise(37, key))).toEqual(first);
		// Pinned values, so a change of table is a decision, not an accident.
		expect([0, 1, 2, 3, 4, 5, 6, 7].map((key) => perturb(1, key))).toMatchSnapshot();
		expect([0, 1, 2, 3, 4, 5, 6, 7].map((key) => perturb(282, key))).toMatchSnapshot();
	});

	it('gives different counts unrelated rows, repeating above 1,000 as ONS does above 750', () => {
		const row = (count: number) => keys.map((key) => ptableNoise(count, key)).join();
		expect(row(100)).not.toBe(row(101));
		expect(ptableRow(1001)).toBe(501);
		expect(row(1001)).toBe(row(501));
		// Keys are reduced modulo 256.
		expect(ptableNoise(50, 300)).toBe(ptableNoise(50, 44));
	});

	it('refuses what is not a count or a key', () => {
		expect(() => perturb(-1, 0)).toThrow(RangeError);
		expect(() => perturb(1.5, 0)).toThrow(RangeError);
		expect(() => perturb(3, 0.5)).toThrow(RangeError);
	});
});
