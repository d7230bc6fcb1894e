import { readFileSync } from 'node:fs';
import Papa from 'papaparse';

/**
 * Headline numbers counted straight from the demo CSV files with a different parser (papaparse) and plain
 * JavaScript, independent of DuckDB and of the app's SQL.
 */
export function countDemo(dir = 'data/demo') {
	const read = (file: string) =>
		Papa.parse<Record<string, string>>(readFileSync(`${dir}/${file}`, 'utf8'), {
			header: true,
			skipEmptyLines: true
		}).data;
	const referrals = read('referrals.csv');
	const episodes = read('missing_episodes.csv');

	const byChild = new Map<string, string[]>();
	for (const row of referrals)
		byChild.set(row.child_id!, [...(byChild.get(row.child_id!) ?? []), row.referral_date!]);
	let repeats = 0;
	for (const dates of byChild.values()) {
		dates.sort();
		for (let index = 1; index < dates.length; index++) {
			const previous = new Date(`${dates[index - 1]}T00:00:00Z`);
			const yearAfter = new Date(
				Date.UTC(previous.getUTCFullYear() + 1, previous.getUTCMonth(), previous.getUTCDate())
			);
			if (new Date(`${dates[index]}T00:00:00Z`) <= yearAfter) repeats++;
		}
	}
	const lookedAfter = referrals.filter((row) => row.looked_after === 'true').length;
	const lookedAfterKnown = referrals.filter(
		(row) => row.looked_after === 'true' || row.looked_after === 'false'
	).length;
	const byMonthDistrict = new Map<string, number>();
	for (const row of referrals) {
		const key = `${row.referral_date!.slice(0, 7)}|${row.district}`;
		byMonthDistrict.set(key, (byMonthDistrict.get(key) ?? 0) + 1);
	}
	return {
		rows: referrals,
		byMonthDistrict,
		referrals: referrals.length,
		children: byChild.size,
		repeats,
		lookedAfter,
		lookedAfterKnown,
		episodes: episodes.length,
		childrenMissing: new Set(episodes.map((row) => row.child_id)).size
	};
}
