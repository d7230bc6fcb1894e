/*
 * What the overview compares: a period and the two it is set against. The types live here, below the views
 * and the summaries that read them; state/comparison-windows.ts computes them (with en-GB labels, which is why
 * the computation stays above format/).
 */
/** A span of days compared with another. */
export interface Window {
	from: string;
	to: string;
	/** Days covered: the exposure when comparing counts over spans of different lengths. */
	days: number;
	/**
	 * en-GB label, the long form (format/period.ts) wherever it is shown, cards and sentences alike:
	 * "July–September 2026", "July 2025 to June 2026", "1 April to …".
	 */
	label: string;
}

export interface ComparisonWindows {
	current: Window;
	/** The span of the same length just before; null when the data does not cover it. */
	previous: Window | null;
	/** The same span a year earlier; null when the data does not cover it. */
	yearAgo: Window | null;
	/** What the previous window is called in sentences: "the previous quarter", "the previous 12 months". */
	previousName: string;
	yearAgoName: string;
	/** True when no period filter is set and the latest complete quarter is shown. */
	defaulted: boolean;
}

/**
 * The comparisons actually made: the previous span and the span a year earlier, each when the data covers
 * it, and the year-earlier one only when it is a different span. For a 12-month window (a financial year)
 * the previous 12 months are the year earlier: one comparison, listed and counted once.
 */
export function distinctComparisons(windows: ComparisonWindows): ('previous' | 'yearAgo')[] {
	const { previous, yearAgo } = windows;
	const same =
		previous !== null && yearAgo !== null && previous.from === yearAgo.from && previous.to === yearAgo.to;
	return [...(previous ? (['previous'] as const) : []), ...(yearAgo && !same ? (['yearAgo'] as const) : [])];
}
