import { describe, expect, it } from 'vitest';
import { describeResult } from '../../../../src/routes/explore/describe-result';

describe('describeResult', () => {
	it('counts rows, says when the limit cut them off, and when the table shows fewer than the CSV', () => {
		expect(describeResult({ returned: 1, truncated: false, shown: 500 })).toBe('1 row.');
		expect(describeResult({ returned: 100_000, truncated: true, shown: 500 })).toBe(
			'The first 100,000 rows (there are more). The table shows the first 500; the CSV holds them all.'
		);
	});

	it("gives the pivot's shape and time, and compares the pivoted rows with what the table shows", () => {
		expect(
			describeResult({
				returned: 1200,
				truncated: false,
				pivoted: { rows: 100, columns: 13, ms: 41.6 },
				shown: 500
			})
		).toBe('1,200 rows, pivoted to 100 rows × 13 columns in 42 ms.');
	});
});
