import type { TableColumn } from './table-column';

/** Everything a `<Chart>` shows: what a page's view module returns for each chart. */
export interface ChartSpec<Row extends object = Record<string, unknown>> {
	/** An active title that states the finding. */
	title: string;
	/**
	 * What the chart shows, with no finding in it ("Referral rates per 10,000 children by district"): its
	 * heading while the answer is awaited, when a title computed from no rows would state a finding nobody
	 * found ("No referrals match the current filters"). Never built from an answer.
	 */
	subject: string;
	/** One sentence generated from the numbers: the chart's text alternative. */
	summary: string;
	/** Measure, population, area and period. */
	caption?: string | undefined;
	/**
	 * Draws the chart at a width. `paper` is true while printing: a chart whose height was set for a screen
	 * may draw shorter then, so two figures share an A4 sheet rather than one leaving half of it blank.
	 */
	render: (width: number, paper?: boolean) => Element;
	/**
	 * Everything `render` draws from but the width (its data, label and options), compared structurally
	 * (`sameDrawing`). Given, a chart whose key and width are those it last drew is not drawn again: a chart
	 * built from several answers is recomputed as each arrives, though its own figures may not have moved.
	 * Build both with `drawing(chart, args, options)`, so the key holds exactly what the drawing is made from.
	 */
	drawKey?: unknown;
	/**
	 * The keys `render` shows as selected, when the chart can change its selection in place
	 * (`selectableDrawing`): left out of `drawKey`, so a change of selection alone restyles the drawn chart.
	 */
	selected?: readonly string[] | undefined;
	/**
	 * Told when the chart's box comes on or goes off screen (set by `livePage`), so the queries of charts off
	 * screen are answered after the others.
	 */
	onScreen?: ((onScreen: boolean) => void) | undefined;
	columns: TableColumn<Row>[];
	rows: readonly Row[];
	loading?: boolean;
	/**
	 * Why the chart has nothing to draw, when the page knows a reason other than "nothing matches" (e.g. an
	 * outcome that cannot be known yet for a recent period): said in place of the drawing (`chartEmptyText`).
	 */
	empty?: string | undefined;
	/**
	 * The numbers in the title, summary and caption that are not counts of records (numbers of months, run
	 * lengths), each named by the words that follow it ("of its last"). Declared by the sentence's builder:
	 * publication mode perturbs counts of records, and its automated reader (tests/publication) protects
	 * only those, so a run of 4 months is not mistaken for 4 children.
	 */
	notCounts?: readonly string[];
}
