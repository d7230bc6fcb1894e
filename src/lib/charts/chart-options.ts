/** What every chart function takes besides its data: the width to fill and the document to render into. */
export interface ChartOptions {
	width: number;
	/** Accessible name: one sentence saying what the chart shows. */
	label: string;
	/** Lets tests render under jsdom; defaults to the global document. */
	document?: Document;
	/**
	 * Drawn for paper (`ChartSpec.render`'s `paper`): a chart whose height suits a screen may draw shorter,
	 * so that two figures, titles and captions included, share an A4 sheet.
	 */
	paper?: boolean;
}
