import { describe, expect, it } from 'vitest';
import { createPrng, hashSeed } from '../../../data/generator/prng';

describe('createPrng', () => {
	it('gives the same sequence for the same seed and a different one for another seed', () => {
		const draw = (seed: string) => Array.from({ length: 5 }, createPrng(seed));
		expect(draw('2026')).toEqual(draw('2026'));
		expect(draw('2026')).not.toEqual(draw('2027'));
	});

	it('pins the sequence, so a change of algorithm cannot pass unnoticed', () => {
		const rng = createPrng('2026');
		const values = Array.from({ length: 3 }, () => Math.round(rng() * 1e9));
		expect(values).toMatchInlineSnapshot(`
			[
			  829200392,
			  849449274,
			  431969580,
			]
		`);
	});

	it('stays in [0, 1) with a mean near one half', () => {
		const rng = createPrng('uniform');
		const values = Array.from({ length: 100_000 }, rng);
		expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
		expect(Math.max(...values)).toBeLessThan(1);
		expect(values.reduce((sum, v) => sum + v, 0) / values.length).toBeCloseTo(0.5, 2);
	});

	it('hashes text seeds into four 32-bit words', () => {
		const words = hashSeed('seed');
		expect(words).toHaveLength(4);
		for (const word of words) expect(word >>> 0).toBe(word);
		expect(hashSeed('seed')).toEqual(words);
		expect(hashSeed('seee')).not.toEqual(words);
	});
});
