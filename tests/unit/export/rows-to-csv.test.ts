import { describe, expect, it } from 'vitest';
import { tables } from '$lib/contract';
import { rowsToCsv } from '$lib/export/rows-to-csv';

const meta = {
	title: 'Referrals matching the current filters',
	filters: 'Fenland',
	source: 'Synthetic demo data: referrals.csv',
	asAt: '31 October 2026',
	publication: false
};

describe('rowsToCsv', () => {
	it('writes the metadata lines, then the contract column names, then the rows', () => {
		const csv = rowsToCsv(meta, 'missing_episodes', [
			{ episode_id: 'E1', child_id: '=cmd', start_date: '2024-01-10', age_at_start: 15, looked_after: true }
		]);
		const lines = csv.replace('\uFEFF', '').split('\r\n');
		expect(lines.slice(0, 6)).toEqual([
			'Referrals matching the current filters',
			'Filters: Fenland',
			'Source: Synthetic demo data: referrals.csv',
			'Data as at: 31 October 2026',
			'Not for publication: small numbers are not suppressed.',
			''
		]);
		expect(lines[6]).toBe(tables.missing_episodes.fields.map((field) => field.name).join(','));
		// Unknown keys are dropped; a cell that would run as a formula is defused (format/csv-cell).
		expect(lines[7]!.startsWith("E1,'=cmd,2024-01-10,")).toBe(true);
		expect(lines[7]).toContain(',15,');
	});
});
