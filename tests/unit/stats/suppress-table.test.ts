import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suppressTable, type SuppressedTable } from '$lib/stats';
import { alternativeTable, linesWithOneWithheld, withMargins } from '../../helpers/disclosure-check';

/** Which cells of the table-with-margins were withheld (symbol c). */
function withheldGrid(result: SuppressedTable): boolean[][] {
	const isC = (c: { symbol: string | null }) => c.symbol === 'c';
	return [
		...result.cells.map((row, i) => [...row.map(isC), isC(result.rowTotals[i] as { symbol: string | null })]),
		[...result.columnTotals.map(isC), isC(result.grandTotal)]
	];
}

function publishedGrid(result: SuppressedTable): (number | null)[][] {
	return [
		...result.cells.map((row, i) => [...row.map((c) => c.value), result.rowTotals[i]?.value ?? null]),
		[...result.columnTotals.map((c) => c.value), result.grandTotal.value]
	];
}

/**
 * The protection property, checked independently of how suppressTable works: published values are the true
 * values; counts 1..threshold are withheld; zeros are not; no row, column or total line has exactly one
 * withheld cell; and for every withheld cell there are tables agreeing with everything published in which
 * that cell is one higher and one lower — so its value cannot be derived.
 */
function expectProtected(counts: number[][], threshold: number): void {
	const result = suppressTable(counts, { threshold });
	const grid = withMargins(counts);
	const withheld = withheldGrid(result);
	const published = publishedGrid(result);
	grid.forEach((row, i) =>
		row.forEach((value, j) => {
			if (value >= 1 && value <= threshold) expect(withheld[i]?.[j]).toBe(true);
			if (value === 0) expect(withheld[i]?.[j]).toBe(false);
			if (!withheld[i]?.[j]) expect(published[i]?.[j]).toBe(value);
		})
	);
	expect(linesWithOneWithheld(withheld)).toBe(0);
	grid.forEach((row, i) =>
		row.forEach((_, j) => {
			if (!withheld[i]?.[j]) return;
			expect(alternativeTable(grid, withheld, i, j, 1), `cell ${i},${j} could be derived`).not.toBeNull();
			expect(alternativeTable(grid, withheld, i, j, -1), `cell ${i},${j} could be derived`).not.toBeNull();
		})
	);
}

/** Mostly small counts, as in district × age band × quarter tables of exploitation referrals. */
const count = fc.oneof(
	{ arbitrary: fc.constant(0), weight: 3 },
	{ arbitrary: fc.integer({ min: 1, max: 5 }), weight: 5 },
	{ arbitrary: fc.integer({ min: 6, max: 40 }), weight: 3 }
);
const table = (maxRows: number, maxColumns: number) =>
	fc
		.tuple(fc.integer({ min: 1, max: maxRows }), fc.integer({ min: 1, max: maxColumns }))
		.chain(([rows, columns]) =>
			fc.array(fc.array(count, { minLength: columns, maxLength: columns }), {
				minLength: rows,
				maxLength: rows
			})
		);

describe('suppressTable', () => {
	it('pairs a small count with the smallest non-zero cells in its row and column until stable', () => {
		const result = suppressTable([
			[3, 10, 12],
			[8, 15, 20]
		]);
		expect(result.cells.map((row) => row.map((c) => c.suppression))).toEqual([
			['primary', 'secondary', null],
			['secondary', 'secondary', null]
		]);
		expect(result.rowTotals.map((c) => c.value)).toEqual([25, 43]);
		expect(result.columnTotals.map((c) => c.value)).toEqual([11, 25, 32]);
		expect(result.grandTotal.value).toBe(68);
		expect(result.secondaryCount).toBe(3);
	});

	it('protects a cell that links two protected blocks, though every line has two suppressions', () => {
		// Without the extra suppression, (0, 2) = T₀ + T₁ − C₀ − C₁ − (published cells) could be worked out.
		const counts = [
			[2, 3, 4, 20],
			[3, 2, 30, 25],
			[40, 50, 1, 2],
			[45, 35, 3, 4]
		];
		const result = suppressTable(counts);
		expect(result.cells[0]?.[3]).toEqual({ value: null, symbol: 'c', suppression: 'secondary' });
		expect(result.secondaryCount).toBe(1);
		expectProtected(counts, 5);
	});

	it('suppresses small totals and protects them too', () => {
		const result = suppressTable([
			[1, 2],
			[10, 20]
		]);
		expect(result.cells.flat().every((c) => c.symbol === 'c')).toBe(true);
		expect(result.rowTotals.map((c) => c.suppression)).toEqual(['primary', 'secondary']);
		expect(result.columnTotals.map((c) => c.value)).toEqual([11, 22]);
		expect(result.grandTotal.value).toBe(33);
	});

	it('leaves zeros and large counts alone, and honours threshold and rounding', () => {
		expect(
			suppressTable([
				[0, 0],
				[0, 7]
			]).secondaryCount
		).toBe(0);
		expect(
			suppressTable([
				[0, 0],
				[0, 7]
			]).cells[1]?.[1]?.value
		).toBe(7);
		expect(
			suppressTable(
				[
					[3, 10],
					[8, 15]
				],
				{ threshold: 0 }
			)
				.cells.flat()
				.every((c) => c.symbol === null)
		).toBe(true);
		const rounded = suppressTable(
			[
				[12, 33],
				[47, 8]
			],
			{ roundTo: 5 }
		);
		expect(rounded.cells.map((row) => row.map((c) => c.value))).toEqual([
			[10, 35],
			[45, 10]
		]);
		expect(rounded.rowTotals.map((c) => c.value)).toEqual([45, 55]);
		expect(rounded.columnTotals.map((c) => c.value)).toEqual([60, 40]);
		expect(rounded.grandTotal.value).toBe(100);
	});

	it('suppresses everything when everything is small', () => {
		const result = suppressTable([
			[1, 1],
			[1, 1]
		]);
		expect(
			[...result.cells.flat(), ...result.rowTotals, ...result.columnTotals, result.grandTotal].every(
				(c) => c.symbol === 'c'
			)
		).toBe(true);
	});

	it('accepts matching totals, rejects inconsistent ones and handles an empty table', () => {
		expect(() =>
			suppressTable([[3, 10]], { rowTotals: [13], columnTotals: [3, 10], grandTotal: 13 })
		).not.toThrow();
		expect(() => suppressTable([[3, 10]], { rowTotals: [14] })).toThrow(RangeError);
		expect(() => suppressTable([[3, 10]], { grandTotal: 12 })).toThrow(RangeError);
		expect(() => suppressTable([[3, 10], [1]])).toThrow(RangeError);
		expect(() => suppressTable([[3, -1]])).toThrow(RangeError);
		expect(suppressTable([]).grandTotal).toEqual({ value: 0, symbol: null, suppression: null });
	});

	it('property: no suppressed cell can be derived from the published cells and totals (1,000 random tables)', () => {
		fc.assert(
			fc.property(table(7, 6), fc.integer({ min: 1, max: 7 }), (counts, threshold) =>
				expectProtected(counts, threshold)
			),
			{ numRuns: 1000, seed: 4242 }
		);
	});

	it('property: every filter combination (random subset of rows and columns) is protected (1,000 cases)', () => {
		const filtered = table(9, 7).chain((counts) =>
			fc.tuple(
				fc.constant(counts),
				fc.subarray([...counts.keys()], { minLength: 1 }),
				fc.subarray([...(counts[0] ?? []).keys()], { minLength: 1 })
			)
		);
		fc.assert(
			fc.property(filtered, ([counts, rows, columns]) => {
				const view = rows.map((i) => columns.map((j) => counts[i]?.[j] ?? 0));
				expectProtected(view, 5);
			}),
			{ numRuns: 1000, seed: 777 }
		);
	});
});
