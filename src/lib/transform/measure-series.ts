import { addMonths, periodEnd, type Grain } from '$lib/domain/calendar';
import { spcSeries, type Exclusion, type SpcInput, type SpcSeries } from './spc-series';

/** Days the data and filters cover: a period reaching outside them is incomplete. */
export interface Coverage {
	/** The filter's first day, if any. */
	from?: string;
	/** The last day covered: the filter's last day or the last day of data, whichever is earlier. */
	to: string;
}

export interface MeasureSeriesOptions<Row> {
	grain: Grain;
	/** The count (or a share's numerator). */
	count: (row: Row) => number;
	/** A share's denominator; omit for a count. */
	denominator?: (row: Row) => number;
	label: (area: string) => string;
	coverage: Coverage;
	/** Periods starting before this day have no full look-back (repeat referrals: 12 months after the data starts). */
	lookbackFrom?: string;
}

/** Whether a period is only partly covered (the data ends, or the filter starts or ends, inside it). */
export function isIncomplete(period: string, grain: Grain, coverage: Coverage): boolean {
	return periodEnd(period, grain) > coverage.to || (coverage.from !== undefined && period < coverage.from);
}

/** The first day with a full 12-month look-back for repeat referrals, for data starting on `dataStart`. */
export function lookbackStart(dataStart: string): string {
	return addMonths(dataStart, 12);
}

/**
 * One SPC series per area from period × area rows (the `all` area first), with incomplete and
 * look-back-less periods excluded from the limits. In publication mode the counts arrive perturbed
 * (publication/), so the series, its limits and its verdicts are those of the published counts.
 */
export function measureSeries<Row extends { period: string; area: string }>(
	rows: readonly Row[],
	options: MeasureSeriesOptions<Row>
): SpcSeries[] {
	const { grain, count, denominator, coverage, lookbackFrom } = options;
	const areas = [...new Set(rows.map((row) => row.area))];
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
				return {
					period: row.period,
					value,
					published: d === 0 ? null : value,
					symbol: null,
					excluded
				};
			});
		return spcSeries(area, options.label(area), grain, inputs, { counts: denominator === undefined });
	});
}
