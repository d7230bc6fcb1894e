import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { periodRange } from '$lib/domain/calendar';
import { fillPeriods } from '$lib/transform/fill-periods';
import { withoutCodeGeneration } from '../../helpers/no-code-generation';

describe('fillPeriods', () => {
	it('adds zero rows for periods and groups with no data, in period then key order, without code generation', () => {
		const rows = [
			{ period: '2024-01-01', area: 'fenland', referrals: 3, children: 2 },
			{ period: '2024-03-01', area: 'all', referrals: 1, children: 1 },
			{ period: '2024-05-01', area: 'fenland', referrals: 9, children: 9 }, // after the window: dropped
			{ period: '2024-02-01', area: 'peterborough', referrals: 4, children: 4 } // unlisted: dropped
		];
		const filled = withoutCodeGeneration(() =>
			fillPeriods(rows, {
				grain: 'month',
				first: '2024-01-15',
				last: '2024-03-31',
				keys: { area: ['all', 'fenland'] },
				values: ['referrals', 'children']
			})
		);
		expect(filled).toEqual([
			{ period: '2024-01-01', area: 'all', referrals: 0, children: 0 },
			{ period: '2024-01-01', area: 'fenland', referrals: 3, children: 2 },
			{ period: '2024-02-01', area: 'all', referrals: 0, children: 0 },
			{ period: '2024-02-01', area: 'fenland', referrals: 0, children: 0 },
			{ period: '2024-03-01', area: 'all', referrals: 1, children: 1 },
			{ period: '2024-03-01', area: 'fenland', referrals: 0, children: 0 }
		]);
	});

	it('fills quarters, a named period column, several keys, and null counts', () => {
		const filled = fillPeriods([{ month: '2024-04-01', sex: 'f', band: '10-13', n: null }], {
			grain: 'quarter',
			first: '2024-02-10',
			last: '2024-05-01',
			period: 'month',
			keys: { sex: ['f', 'm'], band: ['10-13'] },
			values: ['n']
		});
		expect(filled).toEqual([
			{ month: '2024-01-01', sex: 'f', band: '10-13', n: 0 },
			{ month: '2024-01-01', sex: 'm', band: '10-13', n: 0 },
			{ month: '2024-04-01', sex: 'f', band: '10-13', n: 0 },
			{ month: '2024-04-01', sex: 'm', band: '10-13', n: 0 }
		]);
	});

	it('gives no rows for an empty window or no groups', () => {
		const window = { grain: 'month', first: '2024-03-01', last: '2024-02-01', values: ['n'] } as const;
		expect(fillPeriods([], { ...window, keys: { area: ['all'] } })).toEqual([]);
		expect(fillPeriods([], { ...window, last: '2024-04-01', keys: { area: [] } })).toEqual([]);
	});

	it("agrees with Arquero's cross join, left join, impute and orderby on random sparse tables", () => {
		let seed = 7;
		const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
		const areas = ['all', 'cambridge', 'east_cambs', 'fenland', 'huntingdonshire', 'south_cambs'];
		for (let trial = 0; trial < 20; trial++) {
			const periods = periodRange('2021-04-01', '2024-03-31', 'month');
			const rows = periods.flatMap((period) =>
				areas.filter(() => random() < 0.4).map((area) => ({ period, area, n: Math.floor(random() * 50) }))
			);
			const options = { grain: 'month', first: '2021-04-01', last: '2024-03-31', values: ['n'] } as const;
			const expected = aq
				.table({ period: periods })
				.cross(aq.table({ area: areas }))
				.join_left(
					aq.from(rows),
					[
						['period', 'area'],
						['period', 'area']
					],
					[['period', 'area'], ['n']]
				)
				.impute({ n: () => 0 })
				.orderby('period', 'area')
				.objects();
			expect(fillPeriods(rows, { ...options, keys: { area: areas } })).toEqual(expected);
		}
	});
});
