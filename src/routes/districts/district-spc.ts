import { cambridgeshireAndPeterborough, type AreaReference } from '$lib/contract';
import type { SpecialCauseType, VariationIcon } from '$lib/stats';
import { spcSeries } from '$lib/transform/spc-series';

export interface MonthlyCount {
	month: string;
	district: string;
	referrals: number;
}

/** One month of one district's XmR chart. */
export interface SpcPoint {
	month: string;
	district: string;
	districtLabel: string;
	referrals: number | null;
	mean: number | null;
	upl: number | null;
	lpl: number | null;
	/** The month is not over yet (data ends mid-month): shown, but left out of the limits and the rules. */
	incomplete: boolean;
	/** Special-cause label; null for incomplete or suppressed months. */
	specialCause: SpecialCauseType | null;
	/** 'high' for a special cause above the mean or rising, 'low' below or falling. */
	signal: 'high' | 'low' | null;
}

export interface DistrictSpc {
	district: string;
	districtLabel: string;
	points: SpcPoint[];
	/** The latest complete month's Making Data Count variation icon. */
	variation: VariationIcon | null;
	/**
	 * Of the last `recent` complete months in the selected period, how many show a special cause, by direction
	 * (published months only).
	 */
	recentHigh: number;
	recentLow: number;
	recentMonths: number;
	/** Months above the upper process limit among the recent ones. */
	recentAboveLimit: number;
	provisional: boolean;
	/** Rare events (mean under 2 a month): no limits and no verdict, as on every page. */
	rare: boolean;
}

const direction = (type: SpecialCauseType): 'high' | 'low' | null =>
	/Above|Increasing/.test(type) ? 'high' : /Below|Decreasing/.test(type) ? 'low' : null;

/**
 * An XmR chart per district of monthly referrals (Making Data Count, via `$lib/stats` xmr). An incomplete
 * last month is excluded from the limits and the rules. In publication mode the counts arrive perturbed
 * (publication/), so limits and labels are those of the published counts.
 */
export function districtSpc(
	rows: readonly MonthlyCount[],
	{
		incompleteMonth,
		recentFrom,
		recent = 12,
		areas = cambridgeshireAndPeterborough
	}: {
		/** The loaded area reference: the districts' names and chart order. */
		areas?: AreaReference;
		incompleteMonth?: string;
		/** First month (yyyy-mm-01) that counts as recent: the selected period's start. */
		recentFrom?: string;
		recent?: number;
	} = {}
): DistrictSpc[] {
	const order = [...new Set(rows.map((row) => row.district))].sort(
		(a, b) => areas.enumeration.codes.indexOf(a) - areas.enumeration.codes.indexOf(b)
	);
	return order.map((district) => {
		const series = rows
			.filter((row) => row.district === district)
			.sort((a, b) => a.month.localeCompare(b.month));
		const districtLabel = areas.label(district);
		const used = series.filter((row) => row.month !== incompleteMonth);
		// The limit rule every page shares (`spcSeries`): every complete month to the end of the period, and
		// no verdict on rare events. Hidden months are handled below, as before: limits from true counts.
		const shared = spcSeries(
			district,
			districtLabel,
			'month',
			series.map((row) => ({
				period: row.month,
				value: row.referrals,
				excluded: row.month === incompleteMonth ? 'incomplete' : null
			})),
			{ counts: true }
		);
		const result = shared.xmr;
		const byMonth = new Map(
			result ? used.map((row, index) => [row.month, result.points[index]!] as const) : []
		);
		const period = result?.periods[0];
		const points = series.map((row): SpcPoint => {
			const point = byMonth.get(row.month);
			const type = point?.specialCauseType ?? null;
			return {
				month: row.month,
				district,
				districtLabel,
				referrals: row.referrals,
				mean: period?.mean ?? null,
				upl: period?.upl ?? null,
				lpl: period?.lpl === null || period?.lpl === undefined ? null : Math.max(0, period.lpl),
				incomplete: row.month === incompleteMonth,
				specialCause: type,
				signal: type === null ? null : direction(type)
			};
		});
		const latest = points
			.filter((point) => !point.incomplete && (recentFrom === undefined || point.month >= recentFrom))
			.slice(-recent);
		const visible = latest.filter((point) => point.specialCause !== null);
		return {
			district,
			districtLabel,
			points,
			variation: result && used.length > 0 ? result.variation : null,
			recentHigh: visible.filter((point) => point.signal === 'high').length,
			recentLow: visible.filter((point) => point.signal === 'low').length,
			recentMonths: latest.length,
			recentAboveLimit: visible.filter((point) => point.specialCause === 'Above UCL').length,
			provisional: result?.provisional ?? false,
			rare: shared.withheld === 'rare'
		};
	});
}
