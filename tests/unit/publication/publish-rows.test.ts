import { describe, expect, it } from 'vitest';
import { perturb } from '$lib/publication/perturb';
import { publishRows } from '$lib/publication/publish-rows';

const rows = [
	{
		district: 'fenland',
		age: 15,
		referrals: 282,
		'referrals:key': 17,
		children: 3,
		'children:key': 200,
		mean_age: 14.9
	},
	{
		district: 'cambridge',
		age: 16,
		referrals: 0,
		'referrals:key': 0,
		children: 4,
		'children:key': 9,
		mean_age: null
	}
];

describe('publishRows', () => {
	it('drops the keys and changes nothing else outside publication mode', () => {
		expect(publishRows(rows, { on: false })).toEqual([
			{ district: 'fenland', age: 15, referrals: 282, children: 3, mean_age: 14.9 },
			{ district: 'cambridge', age: 16, referrals: 0, children: 4, mean_age: null }
		]);
	});

	it('perturbs each keyed count by the ptable, passes declared dimensions and withholds every other number', () => {
		expect(publishRows(rows, { on: true, dimensions: ['age'] })).toEqual([
			{
				district: 'fenland',
				age: 15,
				referrals: perturb(282, 17),
				children: perturb(3, 200),
				mean_age: null
			},
			{ district: 'cambridge', age: 16, referrals: 0, children: perturb(4, 9), mean_age: null }
		]);
		// An undeclared number is withheld: a new chart that forgets to key its count publishes nothing.
		expect(publishRows([{ age: 15, n: 3 }], { on: true })).toEqual([{ age: null, n: null }]);
	});

	it('refuses a key without its count (a renamed column would otherwise publish nothing silently)', () => {
		expect(() => publishRows([{ 'n:key': 3 }], { on: false })).toThrow(/n:key/);
	});

	it('publishes each row by its own columns when they differ from the row before', () => {
		const mixed = [
			{ n: 5, 'n:key': 7, area: 'fenland' },
			{ m: 8, 'm:key': 11, area: 'cambridge' },
			{ n: 6, 'n:key': 2, area: 'peterborough' }
		];
		expect(publishRows(mixed, { on: true, dimensions: ['m'] })).toEqual([
			{ n: perturb(5, 7), area: 'fenland' },
			{ m: 8, area: 'cambridge' },
			{ n: perturb(6, 2), area: 'peterborough' }
		]);
		// A later row's key without its count is refused too, though the row before had as many columns.
		expect(() =>
			publishRows(
				[
					{ n: 1, 'n:key': 1 },
					{ 'm:key': 3, x: 1 }
				],
				{ on: false }
			)
		).toThrow(/m:key/);
	});
});
