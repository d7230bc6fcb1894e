import { describe, expect, it } from 'vitest';
import { integerRange, type IntegerModel } from './integer-range';

/**
 * A 2 × 2 table with margins, all published except the cells that were withheld: the textbook cases of
 * what a reader can and cannot recover.
 */
describe('integerRange', () => {
	it('pins a cell that is the only withheld cell of its row', async () => {
		// | a  7 | 10 |  a = 10 − 7 = 3, whatever else is withheld.
		const model: IntegerModel = {
			bounds: new Map([['a', [0, Infinity]]]),
			equations: [{ terms: [['a', 1]], constant: 10 - 7 }]
		};
		expect(await integerRange(model, 'a')).toEqual([3, 3]);
	});

	it('leaves a cycle of four withheld cells free, within the margins', async () => {
		// | a b | 6 |
		// | c d | 9 |    a + b = 6, c + d = 9, a + c = 5, b + d = 10: a can be 0 … 5.
		//   5 10
		const bounds = new Map<string, [number, number]>(
			['a', 'b', 'c', 'd'].map((name) => [name, [0, Infinity]])
		);
		const model: IntegerModel = {
			bounds,
			equations: [
				{
					terms: [
						['a', 1],
						['b', 1]
					],
					constant: 6
				},
				{
					terms: [
						['c', 1],
						['d', 1]
					],
					constant: 9
				},
				{
					terms: [
						['a', 1],
						['c', 1]
					],
					constant: 5
				},
				{
					terms: [
						['b', 1],
						['d', 1]
					],
					constant: 10
				}
			]
		};
		expect(await integerRange(model, 'a')).toEqual([0, 5]);
		// A reader who knows withheld cells are 1–5 narrows c = 5 − a to 1 … 4, so a to 1 … 4 too.
		for (const name of ['a', 'b', 'c', 'd']) bounds.set(name, [1, 5]);
		// b = 6 − a ≤ 5 needs a ≥ 1; d = 9 − c = 4 + a ≤ 5 needs a ≤ 1: the cycle pins a = 1.
		expect(await integerRange(model, 'a')).toEqual([1, 1]);
	});

	it('uses integrality: 2x = 7 − y with y in [0, 1] pins x, although the LP relaxation would not', async () => {
		const model: IntegerModel = {
			bounds: new Map<string, [number, number]>([
				['x', [0, 10]],
				['y', [0, 1]]
			]),
			equations: [
				{
					terms: [
						['x', 2],
						['y', 1]
					],
					constant: 7
				}
			]
		};
		// Real solutions: x from 3 to 3.5; integer ones: x = 3, y = 1 only.
		expect(await integerRange(model, 'x')).toEqual([3, 3]);
	});

	it('reports a model with no integer point, and an unbounded variable', async () => {
		const none: IntegerModel = {
			bounds: new Map([['x', [0, 1]]]),
			equations: [{ terms: [['x', 1]], constant: 2 }]
		};
		expect(await integerRange(none, 'x')).toBeNull();
		const open: IntegerModel = {
			bounds: new Map<string, [number, number]>([
				['x', [0, Infinity]],
				['y', [0, Infinity]]
			]),
			equations: [
				{
					terms: [
						['x', 1],
						['y', -1]
					],
					constant: 0
				}
			]
		};
		expect(await integerRange(open, 'x')).toEqual([0, Infinity]);
	});
});
