import { describe, expect, it } from 'vitest';
import { tableToCsv } from '$lib/export/table-to-csv';
import { resultCell, resultColumns, resultCsvRows } from '../../../../src/routes/explore/result-columns';

const rows = [{ district: 'fenland', n: 1234, share: 0.5, list: [1, 2], flag: true, blank: null }];

describe('resultColumns', () => {
	it("takes the result's column names in order, numbers right-aligned", () => {
		const columns = resultColumns(rows);
		expect(columns.map((column) => [column.key, column.numeric])).toEqual([
			['district', false],
			['n', true],
			['share', true],
			['list', false],
			['flag', false],
			['blank', false]
		]);
		expect(resultColumns(rows, ['n', 'district']).map((column) => column.key)).toEqual(['n', 'district']);
	});

	it('shows numbers en-GB, lists as JSON and blanks as a dash', () => {
		expect([1234, 0.5, [1, 2], true, null].map(resultCell)).toEqual(['1,234', '0.5', '[1,2]', 'true', '–']);
	});
});

describe('resultCsvRows', () => {
	it('writes lists as JSON and numbers as they are, negative ones included', () => {
		const csv = tableToCsv(
			{ title: 't', filters: 'f', source: 's', asAt: 'a', publication: false },
			[
				{ key: 'list', label: 'list' },
				{ key: 'n', label: 'n' }
			],
			resultCsvRows([{ list: [1, 2], n: -3 }])
		);
		expect(csv.trim().split('\r\n').at(-1)).toBe('"[1,2]",-3');
	});
});
