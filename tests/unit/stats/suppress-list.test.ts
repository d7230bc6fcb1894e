import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suppressList, type SuppressedList } from '$lib/stats';

const symbols = (list: SuppressedList) => [...list.cells.map((c) => c.symbol), list.total.symbol];

describe('suppressList', () => {
	it('suppresses 1–5 and a complement so the small count cannot be found by subtraction', () => {
		const result = suppressList([3, 10, 12]);
		expect(result.cells).toEqual([
			{ value: null, symbol: 'c', suppression: 'primary' },
			{ value: null, symbol: 'c', suppression: 'secondary' },
			{ value: 12, symbol: null, suppression: null }
		]);
		expect(result.total).toEqual({ value: 25, symbol: null, suppression: null });
	});

	it('needs no complement when two counts are already suppressed, and never suppresses 0', () => {
		expect(symbols(suppressList([2, 4, 30]))).toEqual(['c', 'c', null, null]);
		expect(symbols(suppressList([0, 0, 7]))).toEqual([null, null, null, null]);
		expect(symbols(suppressList([6, 0, 3]))).toEqual(['c', null, 'c', null]);
	});

	it('suppresses a small total with its cells', () => {
		expect(symbols(suppressList([2, 0, 0]))).toEqual(['c', null, null, 'c']);
		expect(symbols(suppressList([4]))).toEqual(['c', 'c']);
	});

	it('honours the threshold (0 turns suppression off), rounding, and a given total', () => {
		expect(symbols(suppressList([3, 10, 12], { threshold: 0 }))).toEqual([null, null, null, null]);
		expect(symbols(suppressList([7, 10, 12], { threshold: 7 }))).toEqual(['c', 'c', null, null]);
		expect(suppressList([12, 33, 47], { roundTo: 5 }).cells.map((c) => c.value)).toEqual([10, 35, 45]);
		expect(suppressList([12, 33, 47], { roundTo: 5 }).total.value).toBe(90);
		expect(() => suppressList([1, 2], { total: 4 })).toThrow(RangeError);
		expect(() => suppressList([1.5])).toThrow(RangeError);
		expect(suppressList([]).total).toEqual({ value: 0, symbol: null, suppression: null });
	});

	it('property: no suppressed count can be derived from the published counts and total (1,000 lists)', () => {
		const count = fc.oneof(
			{ arbitrary: fc.constant(0), weight: 2 },
			{ arbitrary: fc.integer({ min: 1, max: 5 }), weight: 4 },
			{ arbitrary: fc.integer({ min: 6, max: 60 }), weight: 3 }
		);
		fc.assert(
			fc.property(
				fc.array(count, { minLength: 1, maxLength: 12 }),
				fc.integer({ min: 0, max: 7 }),
				(counts, threshold) => {
					const result = suppressList(counts, { threshold });
					const values = [...counts, counts.reduce((a, b) => a + b, 0)];
					const published = [...result.cells, result.total];
					const withheld = published.map((p) => p.symbol === 'c');
					// Small counts are withheld, published values are true, zeros are never withheld.
					values.forEach((v, i) => {
						if (v >= 1 && v <= threshold) expect(withheld[i]).toBe(true);
						if (!withheld[i]) expect(published[i]?.value).toBe(v);
						if (v === 0) expect(withheld[i]).toBe(false);
					});
					const n = withheld.filter(Boolean).length;
					expect(n === 0 || n >= 2).toBe(true);
					// Witness: move one unit between the cell and another withheld value; the equation still holds.
					withheld.forEach((w, i) => {
						if (!w) return;
						const j = withheld.findIndex((other, k) => other && k !== i);
						const last = values.length - 1;
						for (const step of [1, -1]) {
							const alt = [...values];
							alt[i] = (alt[i] as number) + step;
							// Cell and total move together; two cells move in opposite directions.
							alt[j] = (alt[j] as number) + (i === last || j === last ? step : -step);
							expect(alt.every((v) => v >= 0)).toBe(true);
							expect(alt.slice(0, last).reduce((a, b) => a + b, 0)).toBe(alt[last]);
						}
					});
				}
			),
			{ numRuns: 1000, seed: 20250401 }
		);
	});
});
