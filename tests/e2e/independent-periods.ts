import { readFileSync } from 'node:fs';
import Papa from 'papaparse';

/**
 * The demo CSV read with papaparse and counted in plain JavaScript by period, independent of DuckDB and
 * of the app's SQL: referrals with an independently computed repeat flag (the same child referred in the
 * 12 months before), and missing episodes.
 */
export interface DemoReferral {
	id: string;
	child: string;
	date: string;
	district: string;
	gender: string;
	age: number;
	lookedAfter: string;
	repeat: boolean;
}

const read = (file: string) =>
	Papa.parse<Record<string, string>>(readFileSync(`data/demo/${file}`, 'utf8'), {
		header: true,
		skipEmptyLines: true
	}).data;

/** The same day 12 months earlier (29 February → 28 February). */
function yearBefore(date: string): string {
	const year = Number(date.slice(0, 4)) - 1;
	const month = Number(date.slice(5, 7));
	const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
	const day = Math.min(Number(date.slice(8, 10)), lastDay);
	return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function demoReferrals(): DemoReferral[] {
	const rows = read('referrals.csv').map((row) => ({
		id: row.referral_id!,
		child: row.child_id!,
		date: row.referral_date!,
		district: row.district!,
		gender: row.gender!,
		age: Number(row.age_at_referral),
		lookedAfter: row.looked_after ?? '',
		repeat: false
	}));
	const byChild = new Map<string, DemoReferral[]>();
	for (const row of rows) byChild.set(row.child, [...(byChild.get(row.child) ?? []), row]);
	for (const list of byChild.values()) {
		list.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
		list.forEach((row, index) => {
			const previous = list[index - 1];
			row.repeat = previous !== undefined && previous.date >= yearBefore(row.date);
		});
	}
	return rows;
}

export function demoEpisodes() {
	return read('missing_episodes.csv').map((row) => ({
		child: row.child_id!,
		date: row.start_date!,
		district: row.district!
	}));
}

/** Headline counts of the referrals dated from `from` to `to` inclusive. */
export function countReferrals(rows: readonly DemoReferral[], from: string, to: string) {
	const inside = rows.filter((row) => row.date >= from && row.date <= to);
	return {
		referrals: inside.length,
		children: new Set(inside.map((row) => row.child)).size,
		repeats: inside.filter((row) => row.repeat).length,
		lookedAfter: inside.filter((row) => row.lookedAfter === 'true').length,
		lookedAfterKnown: inside.filter((row) => row.lookedAfter === 'true' || row.lookedAfter === 'false')
			.length,
		under15: inside.filter((row) => row.age < 15).length
	};
}

/** Count of rows per period key (yyyy-mm, or the first month of a calendar quarter). */
export function countBy<Row extends { date: string }>(
	rows: readonly Row[],
	grain: 'month' | 'quarter' = 'month'
): Map<string, number> {
	const counts = new Map<string, number>();
	for (const row of rows) {
		const month = Number(row.date.slice(5, 7));
		const key =
			grain === 'month'
				? row.date.slice(0, 7)
				: `${row.date.slice(0, 4)}-${String(month - ((month - 1) % 3)).padStart(2, '0')}`;
		counts.set(key, (counts.get(key) ?? 0) + 1);
	}
	return counts;
}

export const en = (value: number) => value.toLocaleString('en-GB');
export const percent = (part: number, whole: number) =>
	`${(Math.round((part / whole) * 1000) / 10).toLocaleString('en-GB', { minimumFractionDigits: 1 })}%`;

/** "2026-07" → "July 2026" */
export const monthName = (key: string) =>
	new Date(`${key}-01T00:00:00Z`).toLocaleDateString('en-GB', {
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	});

/** The first and last referral dates of the demo CSV. */
export function demoExtent(rows: readonly DemoReferral[] = demoReferrals()): { first: string; last: string } {
	const dates = rows.map((row) => row.date).sort();
	return { first: dates[0]!, last: dates.at(-1)! };
}

/** Every month key (yyyy-mm) from the month of `first` to the month of `last`. */
export function monthKeys(first: string, last: string): string[] {
	const keys: string[] = [];
	for (
		let date = new Date(`${first.slice(0, 7)}-01T00:00:00Z`);
		date.toISOString().slice(0, 7) <= last.slice(0, 7);
	) {
		keys.push(date.toISOString().slice(0, 7));
		date = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1));
	}
	return keys;
}

/**
 * The latest calendar quarter wholly inside the data ending on `last`, as first and last day, with its
 * short label ("Jul–Sept 2026") and long label ("July–September 2026"), and the quarters before it.
 */
export function latestCompleteQuarter(last: string) {
	const end = new Date(`${last}T00:00:00Z`);
	const nextDay = new Date(end.getTime() + 86_400_000);
	// The last month that ends on or before `last`, then back to the last month of a quarter (Mar, Jun, Sep, Dec).
	let month = nextDay.getUTCFullYear() * 12 + nextDay.getUTCMonth() - 1;
	while ((month % 12) % 3 !== 2) month -= 1;
	const day = (monthIndex: number, dayOfMonth: number) =>
		new Date(Date.UTC(Math.floor(monthIndex / 12), monthIndex % 12, dayOfMonth)).toISOString().slice(0, 10);
	const quarter = (endMonth: number) => {
		const from = day(endMonth - 2, 1);
		const name = (monthIndex: number, month: 'short' | 'long') =>
			new Date(Date.UTC(Math.floor(monthIndex / 12), monthIndex % 12, 1)).toLocaleDateString('en-GB', {
				month,
				timeZone: 'UTC'
			});
		const year = Math.floor((endMonth - 2) / 12);
		return {
			from,
			to: day(endMonth + 1, 0),
			label: `${name(endMonth - 2, 'short')}–${name(endMonth, 'short')} ${year}`,
			long: `${name(endMonth - 2, 'long')}–${name(endMonth, 'long')} ${year}`
		};
	};
	return { current: quarter(month), previous: quarter(month - 3), yearAgo: quarter(month - 12) };
}

/** "2026-11-15" → "15 November 2026" */
export const dayName = (iso: string) =>
	new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	});
