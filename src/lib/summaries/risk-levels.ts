import { riskLevels, type RiskLevel } from '$lib/contract';
import { formatPercent } from '$lib/format/number';
import { financialYearLabel } from '$lib/domain/financial-year';
import type { RiskLevelYear } from '$lib/sql/metrics/indicators/risk-levels';
import type { Published } from '$lib/publication/withheld';
import { formatPValue, proportionTrend, type ProportionTrend } from './proportion-trend';
import { hidden, publishShareRows, shareOf, type ShareEstimate } from './share';

export interface RiskPoint {
	year: number;
	period: string;
	level: RiskLevel;
	levelLabel: string;
	referrals: number | null;
	/** All referrals in the year. */
	total: number | null;
	share: number | null;
	lower: number | null;
	upper: number | null;
}

export interface RiskView {
	points: Published<RiskPoint>[];
	periods: string[];
	overall: Map<RiskLevel, ShareEstimate>;
	highTrend: ProportionTrend;
	title: string;
	summary: string;
}

/**
 * The overall risk level from the risk management tool, as shares of referrals per financial year with
 * Wilson intervals, and the chi-square test for trend in the high-risk share.
 */
export function riskLevelsView(
	rows: readonly RiskLevelYear[],
	{ publication }: { publication: boolean }
): RiskView {
	const years = [...new Set(rows.map((row) => row.year))].sort((a, b) => a - b);
	const totals = new Map(
		years.map((year) => [
			year,
			rows.filter((row) => row.year === year).reduce((sum, row) => sum + row.referrals, 0)
		])
	);
	const filled = years.flatMap((year) =>
		riskLevels.codes.map((level) => ({
			year,
			period: financialYearLabel(year),
			level,
			levelLabel: riskLevels.label(level),
			referrals: rows.find((row) => row.year === year && row.risk_level === level)?.referrals ?? 0,
			total: totals.get(year)!
		}))
	);
	const published = publishShareRows(
		filled,
		{
			count: 'referrals',
			denominator: 'total',
			derived: ['share', 'lower', 'upper']
		},
		publication
	);
	const points = published.map((row): Published<RiskPoint> => ({
		...row,
		...shareOf(row.referrals, row.total)
	}));
	const all = rows.reduce((sum, row) => sum + row.referrals, 0);
	const overall = new Map(
		riskLevels.codes.map((level) => {
			const count = rows
				.filter((row) => row.risk_level === level)
				.reduce((sum, row) => sum + row.referrals, 0);
			return [level, hidden(count, publication) ? shareOf(null, null) : shareOf(count, all)] as const;
		})
	);
	const highTrend = proportionTrend(
		points
			.filter((point) => point.level === 'high')
			.map((point) => ({ numerator: point.referrals, denominator: point.total, score: point.year }))
	);
	const periods = years.map(financialYearLabel);
	if (all === 0) {
		return {
			points: [],
			periods,
			overall,
			highTrend,
			title: 'No referrals match the current filters',
			summary: 'No referrals match the current filters.'
		};
	}
	const high = overall.get('high')!;
	const trendPhrase =
		highTrend.direction === 'rising'
			? 'rising significantly'
			: highTrend.direction === 'falling'
				? 'falling significantly'
				: highTrend.direction === 'no significant change'
					? `with no significant change across ${highTrend.periods} financial years`
					: 'too few years to test for a trend';
	const title =
		high.share === null
			? `Overall risk levels of referrals, ${trendPhrase}`
			: `${formatPercent(high.share)} of referrals are rated high risk overall, ${trendPhrase}`;
	const mix = riskLevels.codes
		.map((level) => {
			const estimate = overall.get(level)!;
			return `${riskLevels.label(level).toLowerCase()} ${estimate.share === null ? 'c (suppressed)' : formatPercent(estimate.share)}`;
		})
		.join(', ');
	const summary =
		`Overall risk level from the risk management tool, all years: ${mix}.` +
		(highTrend.pValue !== null
			? ` The chi-square test for trend in the high-risk share across ${highTrend.periods} financial years finds ${highTrend.direction === 'no significant change' ? 'no significant change' : `a significant ${highTrend.direction === 'rising' ? 'rise' : 'fall'}`} (${formatPValue(highTrend.pValue)}).`
			: '');
	return { points, periods, overall, highTrend, title, summary };
}
