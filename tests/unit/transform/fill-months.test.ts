import { describe, expect, it } from 'vitest';
import { fillMonths, monthRange } from '$lib/transform/fill-months';
import { applyReshape } from '$lib/transform/transforms';

describe('monthRange', () => {
	it('covers every month inclusively across a year end', () => {
		expect(monthRange('2023-11-15', '2024-02-01')).toEqual([
			'2023-11-01',
			'2023-12-01',
			'2024-01-01',
			'2024-02-01'
		]);
		expect(monthRange('2024-03-01', '2024-02-01')).toEqual([]);
	});
});

describe('fillMonths', () => {
	it('adds zero rows for months and groups with no data, in month then group order', () => {
		const rows = [
			{ month: '2024-01-01', district: 'fenland', referrals: 3 },
			{ month: '2024-03-01', district: 'cambridge', referrals: 1 }
		];
		const filled = fillMonths(rows, {
			first: '2024-01-01',
			last: '2024-03-31',
			groupBy: 'district',
			groups: ['cambridge', 'fenland'],
			value: 'referrals'
		});
		expect(filled).toEqual([
			{ month: '2024-01-01', district: 'cambridge', referrals: 0 },
			{ month: '2024-01-01', district: 'fenland', referrals: 3 },
			{ month: '2024-02-01', district: 'cambridge', referrals: 0 },
			{ month: '2024-02-01', district: 'fenland', referrals: 0 },
			{ month: '2024-03-01', district: 'cambridge', referrals: 1 },
			{ month: '2024-03-01', district: 'fenland', referrals: 0 }
		]);
	});

	it('handles no rows at all and runs through the named-reshape registry', () => {
		const filled = applyReshape([], {
			name: 'fillMonths',
			options: {
				first: '2024-01-01',
				last: '2024-02-01',
				groupBy: 'district',
				groups: ['fenland'],
				value: 'n'
			}
		});
		expect(filled).toEqual([
			{ month: '2024-01-01', district: 'fenland', n: 0 },
			{ month: '2024-02-01', district: 'fenland', n: 0 }
		]);
	});
});
