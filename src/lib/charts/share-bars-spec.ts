import { formatCount, formatPercent } from '$lib/format/number';
import type { ChartSpec } from '$lib/page/chart-spec';
import { publishedColumn } from '$lib/page/published-column';
import type { RereferralShare } from '$lib/transform/rereferral-shares';
import type { StageShare } from '$lib/transform/stage-shares';
import { categoryBarsChart, type CategoryBar } from './category-bars';

/** "12.5% to 30.1%": a share's 95% interval in a table cell, "–" when there is none. */
export const percentInterval = (_: never, row: { lower: number | null; upper: number | null }) =>
	row.lower === null || row.upper === null
		? '–'
		: `${formatPercent(row.lower)} to ${formatPercent(row.upper)}`;

/** What a page says of a chart: its active title, the sentence from its numbers, and its caption. */
interface Words {
	title: string;
	summary: string;
	caption: string;
}

/**
 * The pathway stages reached (Pathway's funnel, a cohort's stages): a bar per stage, the share of referrals
 * reaching it or a later one with its interval, and the counts in the table. `text` labels a bar.
 */
export function stageSharesSpec(
	stages: readonly StageShare[],
	{ title, summary, caption, text }: Words & { text: (share: StageShare) => string }
): ChartSpec<StageShare> {
	return {
		title,
		summary,
		caption,
		rows: stages,
		columns: [
			{ key: 'stageLabel', label: 'Stage' },
			publishedColumn<StageShare>('reached', 'Reached', formatCount),
			publishedColumn<StageShare>('recorded', 'Referrals', formatCount),
			publishedColumn<StageShare>('share', 'Share', formatPercent),
			publishedColumn<StageShare>('lower', '95% interval', percentInterval)
		],
		render: (width) =>
			categoryBarsChart(
				stages.map((share) => ({
					key: share.stage,
					label: share.stageLabel,
					value: share.share,
					lower: share.lower,
					upper: share.upper,
					text: share.reached === null ? 'c' : text(share)
				})),
				{
					width,
					label: summary,
					valueLabel: 'Share of referrals reaching the stage',
					percent: true,
					marginLeft: 290
				}
			)
	};
}

/**
 * Children referred again within 12 months of an intervention, by kind (Pathway, a cohort's outcomes): a
 * bar per kind led by any intervention, with the counts in the table. `bar` gives each bar's value, interval
 * and label (a page may draw no share where too few were followed up).
 */
export function rereferralSpec(
	rows: readonly RereferralShare[],
	{
		title,
		summary,
		caption,
		bar,
		marginLeft
	}: Words & {
		bar: (row: RereferralShare) => Pick<CategoryBar, 'value' | 'lower' | 'upper' | 'text'>;
		marginLeft: number;
	}
): ChartSpec<RereferralShare> {
	return {
		title,
		summary,
		caption,
		rows,
		columns: [
			{ key: 'label', label: 'Intervention' },
			publishedColumn<RereferralShare>('re_referred', 'Referred again', formatCount),
			publishedColumn<RereferralShare>('children', 'Children followed up', formatCount),
			publishedColumn<RereferralShare>('share', 'Share', formatPercent),
			publishedColumn<RereferralShare>('lower', '95% interval', percentInterval)
		],
		render: (width) =>
			categoryBarsChart(
				rows.map((row) => ({
					key: row.intervention,
					label: row.label,
					highlight: row.intervention === 'any',
					...bar(row)
				})),
				{ width, label: summary, valueLabel: 'Referred again within 12 months', percent: true, marginLeft }
			)
	};
}
