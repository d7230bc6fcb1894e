/**
 * Whether publication mode changed a verdict, asked without handing true rows to a view: `verdict` (a
 * pure function from rows to a finding: an SPC icon, a list of special causes, "rising") is judged once on
 * the published rows and once on the true rows, and only whether the two findings agree leaves the seam.
 * A page says "publication mode changed this" where they differ, rather than stating the other finding.
 */
export type VerdictCheck<Row> = (verdict: (rows: readonly Row[]) => unknown) => boolean;

/** A verdict check over one answer: `truth` is asked for only when a verdict is judged. */
export function verdictCheck<Row>(truth: () => readonly Row[], published: readonly Row[]): VerdictCheck<Row> {
	let rows: readonly Row[] | undefined;
	return (verdict) => {
		rows ??= truth();
		return JSON.stringify(verdict(rows)) !== JSON.stringify(verdict(published));
	};
}

/** The check outside publication mode: nothing is changed. */
export const unchanged: VerdictCheck<never> = () => false;
