const short = new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' });

/** A calendar quarter from its first day: "2025-07-01" → "Jul to Sep 2025". */
export function quarterLabel(start: string): string {
	const first = new Date(`${start.slice(0, 10)}T00:00:00Z`);
	const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 2, 1));
	return `${short.format(first)} to ${short.format(last)} ${first.getUTCFullYear()}`;
}

/** The quarter a period ends in, when the period stops before that quarter does. */
export function incompleteQuarter(periodEnd: string): string | undefined {
	const end = new Date(`${periodEnd.slice(0, 10)}T00:00:00Z`);
	const quarterStartMonth = end.getUTCMonth() - (end.getUTCMonth() % 3);
	const quarterEnd = new Date(Date.UTC(end.getUTCFullYear(), quarterStartMonth + 3, 0));
	if (end.getTime() === quarterEnd.getTime()) return undefined;
	return new Date(Date.UTC(end.getUTCFullYear(), quarterStartMonth, 1)).toISOString().slice(0, 10);
}

/** The same quarter a year earlier. */
export function quarterYearEarlier(start: string): string {
	return `${Number(start.slice(0, 4)) - 1}${start.slice(4, 10)}`;
}
