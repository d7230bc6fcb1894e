import { describe, expect, it } from 'vitest';
import { xmr } from '$lib/stats';
import { districtSpc, type MonthlyCount } from '../../../../src/routes/districts/district-spc';

const months = Array.from({ length: 15 }, (_, i) => {
	const date = new Date(Date.UTC(2024, i, 1));
	return date.toISOString().slice(0, 10);
});
// Fenland: steady at 4–6 then a spike to 30 in month 14; month 15 is incomplete (2 so far).
const fenlandValues = [5, 4, 6, 5, 4, 6, 5, 4, 6, 5, 4, 6, 5, 30, 2];
const cambridgeValues = [8, 9, 7, 8, 9, 7, 8, 9, 7, 8, 9, 7, 8, 9, 3];
const rows: MonthlyCount[] = months.flatMap((month, i) => [
	{ month, district: 'fenland', referrals: fenlandValues[i]! },
	{ month, district: 'cambridge', referrals: cambridgeValues[i]! }
]);

describe('districtSpc', () => {
	it('computes XmR limits per district in contract order, leaving out the incomplete month', () => {
		const series = districtSpc(rows, { incompleteMonth: months[14] });
		expect(series.map((item) => item.district)).toEqual(['cambridge', 'fenland']);
		const fenland = series[1]!;
		const expected = xmr(fenlandValues.slice(0, 14));
		expect(fenland.points[0]!.mean).toBeCloseTo(expected.periods[0]!.mean, 12);
		expect(fenland.points[0]!.upl).toBeCloseTo(expected.periods[0]!.upl!, 12);
		expect(fenland.points[14]).toMatchObject({ incomplete: true, specialCause: null, referrals: 2 });
		expect(fenland.points[13]).toMatchObject({ specialCause: 'Above UCL', signal: 'high' });
		expect(fenland.recentAboveLimit).toBe(1);
		expect(fenland.recentHigh).toBe(1);
		expect(fenland.recentMonths).toBe(12);
		expect(series[0]!.recentHigh).toBe(0);
	});

	it('clamps the lower limit at zero', () => {
		const [fenland] = districtSpc(
			rows.filter((row) => row.district === 'fenland'),
			{
				incompleteMonth: months[14]
			}
		);
		expect(fenland!.points[0]!.lpl).toBe(0);
	});

	it('counts only months from the selected period’s start as recent', () => {
		const series = districtSpc(rows, { incompleteMonth: months[14], recentFrom: months[10] });
		expect(series[1]!.recentMonths).toBe(4);
	});
});
