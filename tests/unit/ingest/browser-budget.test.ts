import { describe, expect, it } from 'vitest';
import { browserRowBudget, tooLargeForBrowser } from '$lib/ingest/browser-budget';

describe('tooLargeForBrowser', () => {
	it('lets through a CSV up to its budget, read in pieces, and refuses one beyond it, saying what to do', () => {
		expect(browserRowBudget.csv).toBe(10_000_000);
		expect(tooLargeForBrowser({ name: 'referrals.csv', size: 184 * browserRowBudget.csv })).toBeUndefined();
		// The 10M CSV measured to load: its identifiers a character longer, so estimated at 10.06M rows.
		expect(tooLargeForBrowser({ name: 'referrals-10m.csv', size: 1_851_729_697 })).toBeUndefined();
		expect(tooLargeForBrowser({ name: 'referrals.csv', size: 184 * 10_200_000 })).toBe(
			'referrals.csv holds about 10,200,000 rows (1,877 MB): more than a browser tab can load from one CSV file (10,000,000 rows), so nothing was read. Load an extract of a shorter period, under 10,000,000 rows, here, or the whole file with the command "npm run native" (the README\'s "Outgrowing the browser" says how).'
		);
	});

	it('refuses a Parquet file beyond its budget, read one row group at a time, with no Parquet hint', () => {
		expect(
			tooLargeForBrowser({ name: 'referrals.parquet', size: 26 * browserRowBudget.parquet })
		).toBeUndefined();
		const refused = tooLargeForBrowser({ name: 'R.PARQUET', size: 300_000_000 });
		expect(refused).toMatch(
			/^R\.PARQUET holds about 11,500,000 rows \(300 MB\): more than a browser tab can load from one Parquet file \(10,000,000 rows\)/
		);
		expect(refused).toMatch(/"npm run native"/);
		expect(refused).not.toMatch(/As a Parquet file/);
		// A CSV beyond even the Parquet budget is not told to become Parquet.
		expect(tooLargeForBrowser({ name: 'referrals-12m.csv', size: 2_300_000_000 })).not.toMatch(/Parquet/);
	});

	it('never blames the file', () => {
		const refused = tooLargeForBrowser({ name: 'referrals-12m.csv', size: 2_300_000_000 })!;
		expect(refused).not.toMatch(/invalid|corrupt|wrong|error|too large/i);
	});

	it('does not judge a format it cannot estimate rows for', () => {
		expect(tooLargeForBrowser({ name: 'annex-a.xlsx', size: 5e9 })).toBeUndefined();
	});
});
