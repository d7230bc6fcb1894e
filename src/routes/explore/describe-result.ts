import { formatCount } from '$lib/format/number';

const rowsWord = (n: number) => `${formatCount(n)} ${n === 1 ? 'row' : 'rows'}`;

/**
 * The sentence above a console result: how many rows came back (and that there were more, when the limit cut
 * them off), the pivot's shape and time, and how many the table shows when it shows fewer than the CSV holds.
 */
export function describeResult(result: {
	returned: number;
	truncated: boolean;
	pivoted?: { rows: number; columns: number; ms: number };
	shown: number;
}): string {
	const { returned, truncated, pivoted, shown } = result;
	const parts = [truncated ? `The first ${rowsWord(returned)} (there are more)` : rowsWord(returned)];
	if (pivoted)
		parts.push(
			`, pivoted to ${rowsWord(pivoted.rows)} × ${formatCount(pivoted.columns)} columns in ${formatCount(Math.round(pivoted.ms))} ms`
		);
	const total = pivoted?.rows ?? returned;
	parts.push('.');
	if (total > shown) parts.push(` The table shows the first ${formatCount(shown)}; the CSV holds them all.`);
	return parts.join('');
}
