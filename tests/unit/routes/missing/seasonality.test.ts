import { describe, expect, it } from 'vitest';
import type { SeasonalityRow } from '$lib/sql/metrics/missing/seasonality';
import { seasonalityTitle, summariseSeasonality } from '../../../../src/routes/missing/seasonality';
import { seasonalPattern } from '../../../../src/routes/missing/seasonal-pattern';

const rows = (summer: number, other: number): SeasonalityRow[] =>
	Array.from({ length: 12 }, (_, index) => ({
		year: 2024,
		month: index + 1,
		episodes: index === 6 ? summer + 10 : index >= 5 && index <= 7 ? summer : other,
		days_covered: 30,
		days_in_month: 30
	}));

describe('seasonality summaries', () => {
	it('names a significant summer peak and the busiest month', () => {
		const pattern = seasonalPattern(rows(90, 50));
		expect(seasonalityTitle(pattern)).toBe('Missing episodes peak in summer: July is the busiest month');
		expect(summariseSeasonality(pattern)).toMatch(
			/^Missing episodes peak in summer: June to August averaged 93\.3 episodes a month against 50\.0 in the other months, 1\.87 times as many \(95% interval 1\.\d\d to \d\.\d\d\), significantly more; July is the busiest month on average \(100\.0\)\.$/
		);
	});

	it('says when there is no significant summer peak', () => {
		const pattern = seasonalPattern(rows(11, 10));
		expect(seasonalityTitle(pattern)).toBe(
			'No significant summer peak in missing episodes; July is the busiest month'
		);
		expect(summariseSeasonality(pattern)).toMatch(
			/^Missing episodes show no significant summer peak: .*not a significant difference;/
		);
	});

	it('says when the seasons cannot be compared', () => {
		const pattern = seasonalPattern([]);
		expect(seasonalityTitle(pattern)).toBe('Missing episodes by calendar month');
		expect(summariseSeasonality(pattern)).toBe(
			'Too few missing episodes (or too short a period) to compare the seasons.'
		);
	});
});
