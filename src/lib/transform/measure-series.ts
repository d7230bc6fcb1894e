import { shareWithheld } from '$lib/publication/share-base';
import { addMonths, periodEnd, type Grain } from '$lib/domain/calendar';
import type { DayRange } from '$lib/domain/extract-coverage';
import { spcSeries, type Exclusion, type SpcInput, type SpcSeries } from './spc-series';

/** Days the data and filters cover: a period reaching outside them is incomplete. */
export interface Coverage {
	/** The filter's first day, if any. */
	from?: string;
	/** The last day covered: the filter's last day or the last day of data, whichever is earlier. */
	to: string;
	/** Runs of days no appended extract covers (`uncoveredDays`): a period touching one is incomplete. */
	gaps?: readonly DayRange[];
}

export interface MeasureSeriesOptions<Row> {
	grain: Grain;
	/** The count (or a share's numerator). */
	count: (row: Row) => number;
	/** A share's denominator; omit for a count. */
	denominator?: (row: Row) => number;
	label: (area: string) => string;
	/** The districts in the order every chart and table lists them: the loaded area reference's codes. */
	areas: readonly string[];
	coverage: Coverage;
	/** Periods starting before this day have no full look-back (repeat referrals: 12 months after the data starts). */
	lookbackFrom?: string;
	/**
	 * Publication mode: a share over a published denominator under 10 is withheld ("c"), as every table
	 * withholds it (`shareWithheld`), so its chart shows a gap there and no limits (`spcSeries`). The Overview's
	 * sparklines drew such shares, every month of a one-district view, though no table shows them.
	 */
	publication?: boolean;
}

/**
 * Whether a period is only partly covered: the data ends, or the filter starts or ends, inside it, or it
 * has days between two appended extracts that neither covers (a half-covered month is not a quiet one).
 */
export function isIncomplete(period: string, grain: Grain, coverage: Coverage): boolean {
	const end = periodEnd(period, grain);
	return (
		end > coverage.to ||
		(coverage.from !== undefined && period < coverage.from) ||
		(coverage.gaps ?? []).some((gap) => gap.from <= end && gap.to >= period)
	);
}

/** The first day with a full 12-month look-back for repeat referrals, for data starting on `dataStart`. */
export function lookbackStart(dataStart: string): string {
	return addMonths(dataStart, 12);
}

/**
 * One SPC series per area from period × area rows (the `all` area first, then districts in the area
 * reference's order, the order every chart and table lists them in, whatever order the rows come in), with incomplete and
 * look-back-less periods excluded from the limits. In publication mode the counts arrive perturbed
 * (publication/), so the series, its limits and its verdicts are those of the published counts, and a share
 * over a published base under 10 is withheld (`publication`).
 */
export function measureSeries<Row extends { period: string; area: string }>(
	rows: readonly Row[],
	options: MeasureSeriesOptions<Row>
): SpcSeries[] {
	const { grain, count, denominator, coverage, lookbackFrom, publication = false } = options;
	const rank = (area: string) => areaRank(area, options.areas);
	const areas = [...new Set(rows.map((row) => row.area))].sort((a, b) => rank(a) - rank(b));
	return areas.map((area) => {
		const inputs = rows
			.filter((row) => row.area === area)
			.map((row): SpcInput => {
				const n = count(row);
				const d = denominator?.(row);
				const excluded: Exclusion | null = isIncomplete(row.period, grain, coverage)
					? 'incomplete'
					: lookbackFrom !== undefined && row.period < lookbackFrom
						? 'no-lookback'
						: d === 0
							? 'empty'
							: null;
				const value = d === undefined ? n : d > 0 ? n / d : 0;
				const withheld = d !== undefined && shareWithheld(d, publication);
				return {
					period: row.period,
					value,
					published: d === 0 || withheld ? null : value,
					symbol: withheld ? 'c' : null,
					excluded
				};
			});
		return spcSeries(area, options.label(area), grain, inputs, { counts: denominator === undefined });
	});
}

/** `all` first, then the districts in the reference's order, then anything else in the order met. */
function areaRank(area: string, order: readonly string[]): number {
	if (area === 'all') return -1;
	const index = order.indexOf(area);
	return index === -1 ? order.length : index;
}
