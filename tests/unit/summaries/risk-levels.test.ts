import { describe, expect, it } from 'vitest';
import { riskLevelsView } from '$lib/summaries/risk-levels';

const year = (year: number, high: number) => [
	{ year, risk_level: 'low', referrals: 40 },
	{ year, risk_level: 'medium', referrals: 60 - high },
	{ year, risk_level: 'high', referrals: high },
	{ year, risk_level: 'not_assessed', referrals: 0 }
];

describe('riskLevelsView', () => {
	it('gives each level as a share of the year and tests the high-risk share for a trend', () => {
		const view = riskLevelsView([...year(2022, 10), ...year(2023, 20), ...year(2024, 30)], {
			publication: false
		});
		expect(view.periods).toEqual(['2022-23', '2023-24', '2024-25']);
		expect(view.points).toHaveLength(12);
		expect(view.points.find((point) => point.year === 2024 && point.level === 'high')).toMatchObject({
			referrals: 30,
			total: 100,
			share: 0.3
		});
		expect(view.title).toBe('20.0% of referrals are rated high risk overall, rising significantly');
		expect(view.summary).toMatch(
			/^Overall risk level from the risk management tool, all years: low 40\.0%, medium 40\.0%, high 20\.0%, not assessed 0\.0%\. The chi-square test for trend in the high-risk share across 3 financial years finds a significant rise \(p < 0\.001\)\.$/
		);
	});
});
