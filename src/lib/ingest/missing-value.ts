/**
 * Spellings that mean "no value" in extracts: blank, Excel's `#N/A`, database `NULL`, a dash. `N/A` and
 * `NA` are here too, but coded fields check their own vocabulary first, so where `NA` is a code (indicator
 * level "not assessed") it keeps that meaning; Excel's `#N/A` (a failed lookup) is no value everywhere.
 * `None` is not missing: it is a code (no intervention).
 */
const missingTokens = new Set(['', '#n/a', 'n/a', 'na', 'null', '-', '--', '–', '—']);

/** Whether a (trimmed) cell text means "no value". */
export function isMissingToken(text: string): boolean {
	return text.length <= 4 && missingTokens.has(text.toLowerCase());
}

/** Excel error values other than #N/A: a formula failed, so there is no value to load. */
export function isExcelError(text: string): boolean {
	return /^#(?:div\/0!|value!|ref!|name\?|num!|null!|spill!|calc!|field!|getting_data)$/i.test(text);
}
