import { describe, expect, it } from 'vitest';
import { tableToCsv } from '$lib/export/table-to-csv';

const meta = {
	title: 'Referrals by district',
	filters: 'All referrals, whole period',
	source: 'Synthetic demo data: referrals.csv',
	asAt: '15 November 2026',
	publication: true
};

describe('tableToCsv', () => {
	it('starts with the context lines, then the table, with suppressed counts as c', () => {
		const csv = tableToCsv(
			meta,
			[
				{ key: 'district', label: 'District' },
				{ key: 'n', label: 'Referrals' }
			],
			[
				{ district: 'Fenland', n: 12 },
				{ district: 'Cambridge', n: null, suppressed: { n: 'c' } }
			]
		);
		const lines = csv
			.replace(/^\uFEFF/, '')
			.trimEnd()
			.split('\r\n');
		expect(lines.slice(0, 4)).toEqual([
			'Referrals by district',
			'"Filters: All referrals, whole period"',
			'Source: Synthetic demo data: referrals.csv',
			'Data as at: 15 November 2026'
		]);
		expect(lines[4]).toContain('Publication mode');
		expect(lines.slice(6)).toEqual(['District,Referrals', 'Fenland,12', 'Cambridge,c']);
	});

	it('neutralises cells that a spreadsheet would run as formulas', () => {
		const csv = tableToCsv(
			{ ...meta, publication: false },
			[{ key: 'name', label: 'Name' }],
			[{ name: '=HYPERLINK("x")' }]
		);
		expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
	});
});
