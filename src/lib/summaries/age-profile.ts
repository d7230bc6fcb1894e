import { formatDayRange } from '$lib/format/date';
import { formatDecimal, formatPercent } from '$lib/format/number';
import { financialYearLabel, financialYearSpan } from '$lib/domain/financial-year';
import { YOUNGER_THAN, type AgeProfileRow } from '$lib/sql/metrics/children/age-profile';
import { comparisonVerdict, zForConfidence } from '$lib/stats';
import type { Published } from '$lib/publication/withheld';
import { formatPValue, proportionTrend, type ProportionTrend } from './proportion-trend';
import { formatShareWithInterval, publishShareRows, shareOf } from './share';

export interface AgeProfilePoint {
	year: number;
	/** "2024-25" */
	period: string;
	/** Whether the data cover the whole financial year (the first and last usually do not). */
	complete: boolean;
	/** The days covered, in words, e.g. "1 April to 15 November 2026". */
	coverage: string;
	referrals: number | null;
	/** Referrals of children aged under 15. */
	younger: number | null;
	share: number | null;
	lower: number | null;
	upper: number | null;
	mean: number | null;
	meanLower: number | null;
	meanUpper: number | null;
	median: number | null;
}

export interface AgeProfileView {
	points: Published<AgeProfilePoint>[];
	trend: ProportionTrend;
	shareTitle: string;
	shareSummary: string;
	meanTitle: string;
	meanSummary: string;
}

const z95 = zForConfidence(0.95);

const coverage = formatDayRange;

const label = (point: AgeProfilePoint) => `${point.period}${point.complete ? '' : ' (part year)'}`;

/**
 * The age profile over financial years: the share of referrals of children under 15 with its Wilson
 * interval, and the mean age with a normal-approximation interval (mean ± z·s/√n; n is in the hundreds).
 * "Getting younger" is decided by the chi-square test for trend in the under-15 share across the years,
 * and the mean by the interval of the first-to-last difference, never by eye. `first` and `last` bound the
 * period shown (the filter's dates or the data's), to mark part years.
 */
export function ageProfileView(
	rows: readonly AgeProfileRow[],
	{ publication, first, last }: { publication: boolean; first: string; last: string }
): AgeProfileView {
	const counted = publishShareRows(
		rows,
		{
			count: 'younger',
			denominator: 'referrals',
			derived: ['share', 'lower', 'upper', 'mean', 'meanLower', 'meanUpper', 'median']
		},
		publication
	);
	const points = counted.map((row): Published<AgeProfilePoint> => {
		const span = financialYearSpan(row.year, first, last);
		const estimate = shareOf(row.younger, row.referrals);
		const n = row.referrals;
		const halfWidth =
			n !== null && n > 1 && row.sd_age !== null && row.mean_age !== null
				? (z95 * row.sd_age) / Math.sqrt(n)
				: null;
		return {
			year: row.year,
			period: financialYearLabel(row.year),
			complete: span.complete,
			coverage: coverage(span.from, span.to),
			referrals: n,
			younger: row.younger,
			...estimate,
			mean: n === null ? null : row.mean_age,
			meanLower: halfWidth === null || n === null ? null : row.mean_age! - halfWidth,
			meanUpper: halfWidth === null || n === null ? null : row.mean_age! + halfWidth,
			median: n === null ? null : row.median_age,
			...(row.suppressed ? { suppressed: row.suppressed } : {})
		};
	});
	const trend = proportionTrend(
		points.map((point) => ({ numerator: point.younger, denominator: point.referrals, score: point.year }))
	);
	const shown = points.filter((point) => point.share !== null);
	const firstPoint = shown[0];
	const lastPoint = shown.at(-1);
	const under = `under ${YOUNGER_THAN}`;
	if (firstPoint === undefined || lastPoint === undefined) {
		const none =
			points.length === 0
				? 'No referrals match the current filters'
				: 'Too few referrals to show the age profile';
		return {
			points,
			trend,
			shareTitle: none,
			shareSummary: `${none}.`,
			meanTitle: none,
			meanSummary: `${none}.`
		};
	}
	const from = `${formatPercent(firstPoint.share!)} in ${firstPoint.period}`;
	const to = `${formatPercent(lastPoint.share!)} in ${lastPoint.period}`;
	const shareTitle =
		trend.direction === 'rising'
			? `Referred children are getting younger: ${formatPercent(lastPoint.share!)} were ${under} in ${lastPoint.period}, up from ${from}`
			: trend.direction === 'falling'
				? `Referred children are getting older: ${formatPercent(lastPoint.share!)} were ${under} in ${lastPoint.period}, down from ${from}`
				: trend.direction === 'no significant change'
					? `No significant change in the share of referred children ${under} (${from}, ${to})`
					: `${formatPercent(lastPoint.share!)} of referrals in ${lastPoint.period} were of children ${under}`;
	const test =
		trend.pValue === null
			? 'too few years to test for a trend'
			: `the chi-square test for trend across ${trend.periods} financial years finds ${
					trend.direction === 'rising'
						? 'a significant rise'
						: trend.direction === 'falling'
							? 'a significant fall'
							: 'no significant change'
				} (${formatPValue(trend.pValue)})`;
	const shareSummary =
		firstPoint === lastPoint
			? `In ${label(lastPoint)}, ${formatShareWithInterval(lastPoint)} of referrals were of children aged ${under}; ${test}.`
			: `The share of referrals of children aged ${under} was ${formatShareWithInterval(firstPoint)} in ${label(firstPoint)} and ${formatShareWithInterval(lastPoint)} in ${label(lastPoint)}; ${test}.`;

	const withMean = points.filter((point) => point.mean !== null);
	const a = withMean[0];
	const b = withMean.at(-1);
	let meanTitle = 'Mean age at referral';
	let meanSummary = 'Too few referrals to show the mean age.';
	if (publication) {
		// The publication seam withholds means and medians computed in SQL: they come from individual ages,
		// which the cell key method does not perturb.
		meanTitle = 'Mean age at referral is not published in publication mode';
		meanSummary =
			'Mean and median ages are not published in publication mode: they are computed from individual ages, which cell key perturbation does not protect.';
	}
	if (a !== undefined && b !== undefined) {
		const years = (value: number) => (Number.isInteger(value) ? String(value) : formatDecimal(value));
		const describe = (point: AgeProfilePoint) =>
			`${years(point.mean!)} years${
				point.meanLower !== null ? ` (95% CI ${years(point.meanLower)} to ${years(point.meanUpper!)})` : ''
			} in ${label(point)}`;
		if (a === b) {
			meanTitle = `Mean age at referral was ${years(a.mean!)} years in ${a.period}`;
			meanSummary = `Mean age at referral was ${describe(a)}; median ${years(a.median!)}.`;
		} else {
			const seA = a.meanLower !== null ? (a.mean! - a.meanLower) / z95 : null;
			const seB = b.meanLower !== null ? (b.mean! - b.meanLower) / z95 : null;
			const difference = b.mean! - a.mean!;
			const verdict =
				seA === null || seB === null
					? 'cannot be calculated'
					: comparisonVerdict(
							difference - z95 * Math.hypot(seA, seB),
							difference + z95 * Math.hypot(seA, seB),
							0
						);
			meanTitle =
				verdict === 'significantly lower'
					? `Mean age at referral fell from ${years(a.mean!)} to ${years(b.mean!)} years`
					: verdict === 'significantly higher'
						? `Mean age at referral rose from ${years(a.mean!)} to ${years(b.mean!)} years`
						: `Mean age at referral was ${years(a.mean!)} years in ${a.period} and ${years(b.mean!)} in ${b.period}, not significantly different`;
			const change = {
				'significantly lower': 'a significant fall',
				'significantly higher': 'a significant rise',
				'not significantly different': 'no significant difference',
				'cannot be calculated': 'difference not tested'
			}[verdict];
			meanSummary = `Mean age at referral was ${describe(a)} and ${describe(b)}, ${change}; the median was ${years(a.median!)} and ${years(b.median!)}.`;
		}
	}
	return { points, trend, shareTitle, shareSummary, meanTitle, meanSummary };
}
