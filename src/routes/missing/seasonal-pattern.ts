import type { SeasonalityRow } from '$lib/sql/metrics/missing/seasonality';
import { formatMonthName } from '$lib/format/date';
import { compareRates, type RateComparison } from '$lib/stats';

/** Meteorological summer (Met Office): June, July and August. */
export const SUMMER_MONTHS: readonly number[] = [6, 7, 8];

export interface CalendarMonth {
	month: number;
	label: string;
	name: string;
	summer: boolean;
	/** Episodes in this calendar month across the years of the period; null when suppressed. */
	episodes: number | null;
	/** How many of this calendar month the period covers (partial months count as a fraction). */
	monthsCovered: number;
	/** Episodes per month on average; null when suppressed or not covered. */
	average: number | null;
}

export interface YearMonth {
	year: number;
	month: number;
	label: string;
	/** Episodes in that month (complete months only); null when suppressed. */
	value: number | null;
}

export interface SeasonalPattern {
	months: CalendarMonth[];
	years: YearMonth[];
	/** Summer against the other months: average per month, rate ratio and its verdict (score test). */
	comparison: RateComparison | null;
	/** The calendar month with the highest average; null when none. */
	peak: CalendarMonth | null;
	/** Whole years the period spans, counted in months covered / 12. */
	yearsCovered: number;
}

/**
 * Seasonality of episodes: the average per calendar month across the years in the period (partial months
 * weighted by the days covered), each year's complete months, and summer (June to August) against the
 * other months as a ratio of monthly rates with a 95% interval (`compareRates`: conditional binomial,
 * Wilson). Episodes are treated as independent events, which understates the uncertainty when the same
 * children go missing repeatedly. In publication mode each year × month cell arrives perturbed
 * (publication/), and every total, average and comparison here is computed from those published cells.
 */
export function seasonalPattern(rows: readonly SeasonalityRow[]): SeasonalPattern {
	const months: CalendarMonth[] = Array.from({ length: 12 }, (_, index) => {
		const month = index + 1;
		const cells = rows.filter((row) => row.month === month);
		const episodes = cells.reduce((sum, row) => sum + row.episodes, 0);
		const monthsCovered = cells.reduce((sum, row) => sum + row.days_covered / row.days_in_month, 0);
		return {
			month,
			label: formatMonthName(month, 'short'),
			name: formatMonthName(month, 'long'),
			summer: SUMMER_MONTHS.includes(month),
			episodes,
			monthsCovered,
			average: monthsCovered === 0 ? null : episodes / monthsCovered
		};
	});
	const complete = rows.filter((row) => row.days_covered === row.days_in_month);
	const years: YearMonth[] = complete.map((row) => ({
		year: row.year,
		month: row.month,
		label: formatMonthName(row.month, 'short'),
		value: row.episodes
	}));
	const sum = (summer: boolean, field: 'episodes' | 'monthsCovered') =>
		rows
			.filter((row) => SUMMER_MONTHS.includes(row.month) === summer)
			.reduce(
				(total, row) => total + (field === 'episodes' ? row.episodes : row.days_covered / row.days_in_month),
				0
			);
	const summerEpisodes = sum(true, 'episodes');
	const otherEpisodes = sum(false, 'episodes');
	const summerMonths = sum(true, 'monthsCovered');
	const otherMonths = sum(false, 'monthsCovered');
	const comparison =
		summerMonths > 0 && otherMonths > 0
			? compareRates(
					{ count: summerEpisodes, population: summerMonths },
					{ count: otherEpisodes, population: otherMonths },
					{ multiplier: 1 }
				)
			: null;
	const ranked = months.filter((month) => month.average !== null).sort((a, b) => b.average! - a.average!);
	return {
		months,
		years,
		comparison,
		peak: ranked[0] ?? null,
		yearsCovered: (summerMonths + otherMonths) / 12
	};
}
