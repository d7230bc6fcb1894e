import { describe, expect, it } from 'vitest';
import { browserRowBudget, tooLargeForBrowser } from '$lib/ingest/browser-budget';

describe('tooLargeForBrowser', () => {
	it('lets through a CSV or Parquet file up to the budget and refuses one beyond it', () => {
		expect(tooLargeForBrowser({ name: 'referrals.csv', size: 184 * browserRowBudget })).toBeUndefined();
		expect(tooLargeForBrowser({ name: 'referrals.csv', size: 184 * browserRowBudget + 200 })).toMatch(
			/^referrals\.csv is too large for this browser: about 2,000,000 rows \(368 MB\), beyond the 2,000,000 a browser tab can hold\. Load it with the command "npm run native"/
		);
		expect(tooLargeForBrowser({ name: 'referrals.parquet', size: 26 * browserRowBudget })).toBeUndefined();
		expect(tooLargeForBrowser({ name: 'R.PARQUET', size: 241_000_000 })).toMatch(
			/about 9,300,000 rows \(241 MB\)/
		);
	});

	it('does not judge a format it cannot estimate rows for', () => {
		expect(tooLargeForBrowser({ name: 'annex-a.xlsx', size: 5e9 })).toBeUndefined();
	});
});
