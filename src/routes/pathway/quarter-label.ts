import { formatQuarter } from '$lib/format/period';

/** A calendar quarter's short name, for axes and tables: "2025-07-01" → "Jul–Sept 2025" (format/period). */
export const quarterLabel = formatQuarter;

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
