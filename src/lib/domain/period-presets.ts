/**
 * Period presets relative to the data's last date (not today: an extract is reviewed after it is taken).
 * UK public-sector reporting uses financial years (1 April to 31 March) and their quarters.
 */
import { financialYearLabel, financialYearStart } from './financial-year';

export interface Period {
	from: string;
	to: string;
}

export interface PeriodPreset extends Period {
	id: string;
	label: string;
}

const iso = (year: number, monthIndex: number, day: number) =>
	new Date(Date.UTC(year, monthIndex, day)).toISOString().slice(0, 10);

/** Last day of the month before the one containing `date`. */
function endOfPreviousMonth(date: string): string {
	const year = Number(date.slice(0, 4));
	const month = Number(date.slice(5, 7)) - 1;
	return iso(year, month, 0);
}

/** Presets for data whose last referral is `lastDate`: complete periods only, so every bar is comparable. */
export function periodPresets(lastDate: string): PeriodPreset[] {
	const lastComplete = endOfPreviousMonth(
		iso(Number(lastDate.slice(0, 4)), Number(lastDate.slice(5, 7)) - 1, Number(lastDate.slice(8, 10)) + 1)
	);
	const end = new Date(`${lastComplete}T00:00:00Z`);
	const endYear = end.getUTCFullYear();
	const endMonth = end.getUTCMonth();
	const last12 = { from: iso(endYear, endMonth - 11, 1), to: lastComplete };
	// The latest complete financial quarter (Apr–Jun, Jul–Sep, Oct–Dec, Jan–Mar).
	const quarterEndMonth = endMonth - ((endMonth + 1 - 3 + 12) % 3);
	const quarter = { from: iso(endYear, quarterEndMonth - 2, 1), to: iso(endYear, quarterEndMonth + 1, 0) };
	const fyStart = financialYearStart(lastDate);
	const quarterStart = quarter.from;
	return [
		{ id: 'last-12-months', label: `Last 12 months (to ${monthLabel(lastComplete)})`, ...last12 },
		{
			id: 'latest-quarter',
			// Named by its months in the long form of format/period (which builds on domain/, so cannot be imported here).
			label: `Latest quarter (${monthName(quarterStart)}–${monthLabel(quarter.to)})`,
			...quarter
		},
		{
			id: 'financial-year-to-date',
			label: `Financial year ${financialYearLabel(fyStart)} to date`,
			from: iso(fyStart, 3, 1),
			to: lastDate
		},
		{
			id: 'previous-financial-year',
			label: `Financial year ${financialYearLabel(fyStart - 1)}`,
			from: iso(fyStart - 1, 3, 1),
			to: iso(fyStart, 2, 31)
		}
	];
}

function monthLabel(date: string): string {
	return new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', {
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	});
}

function monthName(date: string): string {
	return new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', { month: 'long', timeZone: 'UTC' });
}
