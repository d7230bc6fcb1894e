import { drawing } from '$lib/page/drawing';
import { formatCount, formatDecimal2 } from '$lib/format/number';
import type { ChartSpec } from '$lib/page/chart-spec';
import type { Backtest, Projection } from '$lib/stats/projection';
import { projectionChart, type ObservedQuarter } from './projection-chart';

/** A row of the projection's table: a counted or a projected quarter. */
export interface ProjectionRow {
	readonly quarter: string;
	readonly kind: 'Counted' | 'Projected';
	readonly value: number;
	readonly lower80: number | null;
	readonly upper80: number | null;
	readonly lower95: number | null;
	readonly upper95: number | null;
}

export interface ProjectionSpecInput {
	/** Counted 3-month blocks, oldest first (the chart shows the last three years of them). */
	readonly observed: readonly ObservedQuarter[];
	readonly projection: Projection;
	readonly backtest: Backtest | null;
	/** Labels the projected blocks: "Nov 2026 – Jan 2027". */
	readonly labelOf: (start: string, end: string) => string;
	/** What is counted, plural: "referrals", "children". */
	readonly noun: string;
	/** Who: "boys aged 14–17 with drug use and concerning adults in Huntingdonshire". */
	readonly cohort: string;
}

const whole = (value: number) => formatCount(Math.round(value));
const percent = (share: number) => `${share < 0 ? '−' : ''}${Math.abs(Math.round(share * 100))}%`;
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The backtest in one sentence (or why there is none). */
export function describeBacktest(backtest: Backtest | null): string {
	if (!backtest) return 'Too little history to test the projection on past data.';
	const verdict =
		backtest.mase < backtest.benchmarkMase
			? 'more accurate than'
			: backtest.mase > backtest.benchmarkMase
				? 'less accurate than'
				: 'as accurate as';
	return (
		`Tested on past data (${formatCount(backtest.forecasts)} forecasts from ${formatCount(backtest.origins)} starting points, up to a year ahead), ` +
		`it was ${verdict} repeating the same period a year before (mean absolute scaled error ${formatDecimal2(backtest.mase)} against ${formatDecimal2(backtest.benchmarkMase)}); ` +
		`its 80% intervals held ${percent(backtest.coverage80)} of what happened and its 95% intervals ${percent(backtest.coverage95)}.`
	);
}

/**
 * The projection chart's spec: an active title, a text alternative written from the numbers (projection,
 * intervals, growth, method, out-of-sample accuracy), and a table of counted and projected quarters. When
 * the stated rule withholds the projection, the title says so, the summary gives the reason, and the chart
 * shows the counts only.
 */
export function projectionSpec(input: ProjectionSpecInput): ChartSpec<ProjectionRow> {
	const { observed, projection, noun, cohort } = input;
	const shown = observed.slice(-12);
	const counted: ProjectionRow[] = shown.map((row) => ({
		quarter: row.label,
		kind: 'Counted',
		value: row.count,
		lower80: null,
		upper80: null,
		lower95: null,
		upper95: null
	}));
	const caption = `${capital(noun)} a quarter, ${cohort}: counted, then projected with 80% and 95% prediction intervals.`;
	const subject = `${capital(noun)} a quarter, counted and projected`;
	const columns: ChartSpec<ProjectionRow>['columns'] = [
		{ key: 'quarter', label: 'Quarter' },
		{ key: 'kind', label: 'Counted or projected' },
		{ key: 'value', label: capital(noun), numeric: true, format: (v) => whole(Number(v)) },
		...(['lower80', 'upper80', 'lower95', 'upper95'] as const).map((key) => ({
			key,
			label: `${key.endsWith('80') ? '80%' : '95%'} interval ${key.startsWith('lower') ? 'lower' : 'upper'}`,
			numeric: true,
			format: (v: unknown) => (v === null ? '–' : whole(Number(v)))
		}))
	];
	if (projection.kind === 'withheld') {
		return {
			title: `No projection of ${noun} for ${cohort}`,
			subject,
			summary: projection.reason,
			caption,
			columns,
			rows: counted,
			...drawing(projectionChart, [shown, []], {
				label: `${capital(noun)} a quarter, ${cohort}, counted; no projection: ${projection.reason}`,
				valueLabel: `${capital(noun)} a quarter`
			})
		};
	}
	const projected = projection.quarters.map((quarter) => ({
		...quarter,
		start: quarter.start,
		label: input.labelOf(quarter.start, quarter.end)
	}));
	const rows: ProjectionRow[] = [
		...counted,
		...projected.map((quarter) => ({
			quarter: quarter.label,
			kind: 'Projected' as const,
			value: quarter.point,
			lower80: quarter.lower80,
			upper80: quarter.upper80,
			lower95: quarter.lower95,
			upper95: quarter.upper95
		}))
	];
	const { growth, nextYear } = projection;
	const lastYear = observed.slice(-4).reduce((sum, row) => sum + row.count, 0);
	const trend =
		growth.lower95 > 0
			? `growing by about ${percent(growth.rate)} a year (95% interval ${percent(growth.lower95)} to ${percent(growth.upper95)})`
			: growth.upper95 < 0
				? `falling by about ${percent(-growth.rate)} a year (95% interval ${percent(growth.lower95)} to ${percent(growth.upper95)})`
				: `with no clear trend (${percent(growth.rate)} a year, 95% interval ${percent(growth.lower95)} to ${percent(growth.upper95)})`;
	const summary =
		`${capital(noun)} of ${cohort}: ${whole(nextYear.point)} expected in the next four quarters ` +
		`(80% interval ${whole(nextYear.lower80)} to ${whole(nextYear.upper80)}; 95% interval ${whole(nextYear.lower95)} to ${whole(nextYear.upper95)}), ` +
		`against ${formatCount(lastYear)} in the last four counted, ${trend}. ${projection.method} ${describeBacktest(input.backtest)}`;
	const title =
		growth.lower95 > 0
			? `${capital(noun)} are growing: about ${whole(nextYear.point)} expected next year, against ${formatCount(lastYear)} last year`
			: growth.upper95 < 0
				? `${capital(noun)} are falling: about ${whole(nextYear.point)} expected next year, against ${formatCount(lastYear)} last year`
				: `About ${whole(nextYear.point)} ${noun} expected next year, against ${formatCount(lastYear)} last year`;
	return {
		title,
		subject,
		summary,
		caption,
		columns,
		rows,
		...drawing(projectionChart, [shown, projected], {
			label: summary,
			valueLabel: `${capital(noun)} a quarter`
		})
	};
}
