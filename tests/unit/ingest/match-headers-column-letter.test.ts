import { describe, expect, it } from 'vitest';
import { columnIndex, columnLetter, columnReference } from '$lib/ingest/column-letter';
import { matchHeaders } from '$lib/ingest/match-headers';

describe('column references in a mapping profile', () => {
	it('round-trips letters and indexes', () => {
		for (const index of [0, 1, 25, 26, 27, 701, 702]) expect(columnIndex(columnLetter(index))).toBe(index);
		expect(columnReference('column G')).toBe(6);
		expect(columnReference('District')).toBeNull();
	});

	it('lets a profile pick the second of two columns with the same heading', () => {
		const headers = ['Referral ID', 'Child ID', 'Date of Referral', 'Age', 'Gender', 'District', 'District'];
		const match = matchHeaders(headers, 'referrals', { columns: { district: 'column G' } });
		expect(match.columns.find((column) => column.field === 'district')).toMatchObject({
			index: 6,
			how: 'profile'
		});
		expect(match.ambiguous).toEqual([]);
		expect(match.missingRequired).toEqual([]);
	});
});
