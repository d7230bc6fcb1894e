import { describe, expect, it } from 'vitest';
import { districts } from '$lib/contract';
import { isIncomplete, lookbackStart, measureSeries } from '$lib/transform/measure-series';

const label = (area: string) => (area === 'all' ? 'All districts' : area);

describe('isIncomplete', () => {
	it('marks a period the data or the filters cover only in part', () => {
		const coverage = { from: '2021-11-01', to: '2026-11-15' };
		expect(isIncomplete('2026-11-01', 'month', coverage)).toBe(true);
		expect(isIncomplete('2026-10-01', 'month', coverage)).toBe(false);
		expect(isIncomplete('2026-10-01', 'quarter', coverage)).toBe(true);
		expect(isIncomplete('2026-07-01', 'quarter', coverage)).toBe(false);
		expect(isIncomplete('2021-10-01', 'quarter', coverage)).toBe(true);
		expect(isIncomplete('2026-09-01', 'month', { to: '2026-09-30' })).toBe(false);
	});

	it('marks a period with days between two appended extracts, which neither covers', () => {
		// One extract to 15 November, the next from 1 December: November is half covered, not a quiet month.
		const coverage = {
			from: '2025-04-01',
			to: '2025-12-31',
			gaps: [{ from: '2025-11-16', to: '2025-11-30' }]
		};
		expect(isIncomplete('2025-11-01', 'month', coverage)).toBe(true);
		expect(isIncomplete('2025-10-01', 'quarter', coverage)).toBe(true);
		expect(isIncomplete('2025-10-01', 'month', coverage)).toBe(false);
		expect(isIncomplete('2025-12-01', 'month', coverage)).toBe(false);
	});

	it('starts the repeat look-back 12 months after the data', () => {
		expect(lookbackStart('2021-11-01')).toBe('2022-11-01');
	});
});

describe('measureSeries', () => {
	const rows = [
		{ period: '2024-01-01', area: 'all', n: 12, d: 40 },
		{ period: '2024-01-01', area: 'fenland', n: 3, d: 10 },
		{ period: '2024-01-01', area: 'cambridge', n: 9, d: 30 },
		{ period: '2024-02-01', area: 'all', n: 20, d: 50 },
		{ period: '2024-02-01', area: 'fenland', n: 8, d: 20 },
		{ period: '2024-02-01', area: 'cambridge', n: 12, d: 30 },
		{ period: '2024-03-01', area: 'all', n: 4, d: 0 },
		{ period: '2024-03-01', area: 'fenland', n: 2, d: 0 },
		{ period: '2024-03-01', area: 'cambridge', n: 2, d: 0 }
	];
	const base = {
		grain: 'month' as const,
		label,
		areas: districts.codes,
		coverage: { to: '2024-03-15' },
		count: (row: (typeof rows)[number]) => row.n
	};

	it('gives one series per area, all first, excluding the incomplete last month from the limits', () => {
		const series = measureSeries(rows, { ...base });
		// Districts in the reference's order (Cambridge before Fenland), not the order the rows came in.
		expect(series.map((one) => one.area)).toEqual(['all', 'cambridge', 'fenland']);
		expect(series[0]!.label).toBe('All districts');
		expect(series[0]!.included).toEqual([0, 1]);
		expect(series[0]!.points[2]).toMatchObject({ value: 4, excluded: 'incomplete', mean: null });
		expect(series[0]!.points[0]!.mean).toBe(16);
	});

	it("lists a regional reference's districts in its order, not in code order", () => {
		// The North West file lists its unitary authorities (E06) before Lancashire's districts (E07).
		const regional = ['blackpool', 'burnley', 'bolton'];
		const series = measureSeries(
			['bolton', 'burnley', 'blackpool', 'all'].map((area) => ({ period: '2024-01-01', area, n: 1, d: 1 })),
			{ ...base, areas: regional }
		);
		expect(series.map((one) => one.area)).toEqual(['all', ...regional]);
	});

	it('leaves months without a full look-back out of the limits', () => {
		const series = measureSeries(rows, { ...base, lookbackFrom: '2024-02-01' });
		expect(series[1]!.points.map((point) => point.excluded)).toEqual(['no-lookback', null, 'incomplete']);
	});

	it('computes shares and leaves a share with no denominator out of the limits', () => {
		const series = measureSeries(rows, {
			...base,
			coverage: { to: '2024-03-31' },
			denominator: (row) => row.d
		});
		expect(series[0]!.points.map((point) => point.value)).toEqual([0.3, 0.4, null]);
		expect(series[0]!.points[2]!.excluded).toBe('empty');
	});
});
