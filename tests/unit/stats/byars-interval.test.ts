import { afterAll, describe, expect, it } from 'vitest';
import { byarsLower, byarsUpper } from '$lib/stats';
import {
	expectCloseToReference,
	readReferenceCsv,
	referenceNumber,
	reportReferenceErrors
} from '../../helpers/reference';

afterAll(() => reportReferenceErrors('byars-interval'));

describe("Byar's method", () => {
	it('matches PHEindicatormethods (phe/byar-and-wilson-limits.csv, Byars rows), including a lower limit PHE leaves blank', () => {
		const rows = readReferenceCsv('phe/byar-and-wilson-limits.csv').filter((r) => r.method === 'Byars');
		expect(rows).toHaveLength(7);
		for (const row of rows) {
			const confidence = row.confidence === '95%' ? 0.95 : 0.998;
			const x = Number(row.x);
			const lower = referenceNumber(row.lowercl);
			if (lower === null) expect(byarsLower(x, confidence)).toBeNull();
			else expectCloseToReference(byarsLower(x, confidence), lower, 1e-9, "Byar's limits");
			expectCloseToReference(byarsUpper(x, confidence), Number(row.uppercl), 1e-9, "Byar's limits");
		}
	});

	it('has no lower limit for x = 0 and rejects negative counts', () => {
		expect(byarsLower(0)).toBeNull();
		expect(byarsUpper(0)).toBeGreaterThan(0);
		expect(() => byarsLower(-1)).toThrow(RangeError);
		expect(() => byarsUpper(Number.NaN)).toThrow(RangeError);
	});
});
