import { drawing } from '$lib/page/drawing';
import { formatCount, formatPercent } from '$lib/format/number';
import type { ChartSpec } from '$lib/page/chart-spec';
import { publishedColumn } from '$lib/page/published-column';
import { categoryBarsChart, type CategoryBar } from './category-bars';

/** "12.5% to 30.1%": a share's 95% interval in a table cell, "–" when there is none. */
export const percentInterval = (_: never, row: { lower: number | null; upper: number | null }) =>
	row.lower === null || row.upper === null
		? '–'
		: `${formatPercent(row.lower)} to ${formatPercent(row.upper)}`;

/** A row a share bar draws: its share of a base with the share's 95% interval (null when withheld or none). */
export interface ShareBarRow {
	share: number | null;
	lower: number | null;
	upper: number | null;
}

/** A table column of a share bar's row: the row's field and its header. */
type Column<Row> = readonly [key: keyof Row & string, header: string];

/**
 * A share of a base per category, one bar each with its 95% interval (Pathway's funnel and re-referrals, a
 * cohort's stages and outcomes): the table holds the category, the count, the base, the share and its
 * interval; `bar` says how each bar draws and what its label reads (a page may draw no share where too few
 * were followed up). One spec for every such chart, so they read alike and print alike.
 */
export function shareBarsSpec<Row extends ShareBarRow>(
	rows: readonly Row[],
	options: {
		title: string;
		/** What the chart shows, with no finding: `ChartSpec.subject`. */
		subject: string;
		summary: string;
		caption: string;
		category: Column<Row>;
		count: Column<Row>;
		base: Column<Row>;
		bar: (row: Row) => Omit<CategoryBar, 'tooltip'>;
		/** The value axis, in words ("Share of referrals reaching the stage"). */
		valueLabel: string;
		marginLeft?: number;
	}
): ChartSpec<Row> {
	const { title, subject, summary, caption, category, count, base, bar, valueLabel, marginLeft } = options;
	return {
		title,
		subject,
		summary,
		caption,
		rows,
		columns: [
			{ key: category[0], label: category[1] },
			publishedColumn<Row>(count[0], count[1], formatCount),
			publishedColumn<Row>(base[0], base[1], formatCount),
			publishedColumn<Row>('share', 'Share', formatPercent),
			publishedColumn<Row>('lower', '95% interval', percentInterval)
		],
		...drawing(categoryBarsChart, [rows.map(bar)], { label: summary, valueLabel, percent: true, marginLeft })
	};
}

/** A row of a pathway funnel: the share of referrals with a stage recorded that reached this stage or later. */
export interface StageShareBarRow extends ShareBarRow {
	stage: string;
	stageLabel: string;
	reached: number | null;
	recorded: number | null;
}

/**
 * How far referrals went along the pathway (Pathway's funnel, a cohort's stages): one bar per stage with its
 * 95% interval; `text` is the bar's label for a published count ("c" where it is withheld).
 */
export function stageSharesSpec<Row extends StageShareBarRow>(
	rows: readonly Row[],
	options: {
		title: string;
		subject: string;
		summary: string;
		caption: string;
		/** The bar's label, for a row whose count is published. */
		text: (row: Row & { reached: number }) => string;
	}
): ChartSpec<Row> {
	const { text, ...words } = options;
	return shareBarsSpec(rows, {
		...words,
		category: ['stageLabel', 'Stage'],
		count: ['reached', 'Reached'],
		base: ['recorded', 'Referrals'],
		valueLabel: 'Share of referrals reaching the stage',
		marginLeft: 290,
		bar: (row) => ({
			key: row.stage,
			label: row.stageLabel,
			value: row.share,
			lower: row.lower,
			upper: row.upper,
			text: row.reached === null ? 'c' : text(row as Row & { reached: number })
		})
	});
}
