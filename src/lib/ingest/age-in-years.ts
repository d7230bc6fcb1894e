/**
 * Age in whole years on a date, from ISO dates: the birthday must have been reached (a child born on
 * 29 February turns one year older on 1 March in non-leap years, as in English law).
 */
export function ageInYears(birth: string, on: string): number {
	const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
	const [y, m, d] = on.split('-').map(Number) as [number, number, number];
	return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
