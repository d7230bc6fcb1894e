/**
 * The month a period ends in, when the period stops before that month does (data taken mid-month): its count
 * is not comparable with full months, so charts mark it and SPC leaves it out. Undefined when the period
 * ends on the last day of a month.
 */
export function incompleteLastMonth(periodEnd: string): string | undefined {
	const date = new Date(`${periodEnd.slice(0, 10)}T00:00:00Z`);
	const next = new Date(date.getTime() + 86_400_000);
	return next.getUTCDate() === 1 ? undefined : `${periodEnd.slice(0, 7)}-01`;
}
