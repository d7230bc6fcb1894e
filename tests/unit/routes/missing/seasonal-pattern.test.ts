import { describe, expect, it } from 'vitest';
import type { SeasonalityRow } from '$lib/sql/metrics/missing/seasonality';
import { compareRates } from '$lib/stats';
import { seasonalPattern } from '../../../../src/routes/missing/seasonal-pattern';

const days = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
/** Two whole years: 90 episodes in each summer month, 50 in every other month; June 2024 only half covered. */
const rows: SeasonalityRow[] = [2023, 2024].flatMap((year) =>
	Array.from({ length: 12 }, (_, index) => {
		const month = index + 1;
		const halfJune = year === 2024 && month === 6;
		const summer = month >= 6 && month <= 8;
		return {
			year,
			month,
			episodes: halfJune ? 45 : summer ? 90 : 50,
			days_covered: halfJune ? 15 : days(year, month),
			days_in_month: days(year, month)
		};
	})
);

describe('seasonalPattern', () => {
	it('averages each calendar month over the months covered, partial months as a fraction', () => {
		const pattern = seasonalPattern(rows);
		const june = pattern.months[5]!;
		expect(june).toMatchObject({ name: 'June', label: 'Jun', summer: true, episodes: 135 });
		expect(june.monthsCovered).toBeCloseTo(1.5, 12);
		expect(june.average).toBeCloseTo(90, 12);
		expect(pattern.months[0]!.average).toBe(50);
		expect(pattern.yearsCovered).toBeCloseTo(23.5 / 12, 12);
	});

	it('keeps only complete months as yearly points', () => {
		const pattern = seasonalPattern(rows);
		expect(pattern.years).toHaveLength(23);
		expect(pattern.years.find((point) => point.year === 2024 && point.month === 6)).toBeUndefined();
	});

	it('compares summer with the other months and finds the peak', () => {
		const pattern = seasonalPattern(rows);
		const expected = compareRates(
			{ count: 90 * 5 + 45, population: 5.5 },
			{ count: 50 * 18, population: 18 },
			{ multiplier: 1 }
		);
		expect(pattern.comparison).toEqual(expected);
		expect(pattern.comparison!.verdict).toBe('significantly higher');
		expect(pattern.comparison!.current).toBeCloseTo(90, 12);
		expect(pattern.peak?.summer).toBe(true);
	});

	it('gives no comparison without both seasons', () => {
		const pattern = seasonalPattern(rows.filter((row) => row.month === 7));
		expect(pattern.comparison).toBeNull();
		expect(pattern.peak?.name).toBe('July');
	});
});
