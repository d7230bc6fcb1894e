import { describe, expect, it } from 'vitest';
import { missingEpisodes } from '$lib/contract';
import { columnarTable, NULL_CODE, NULL_INT } from '../../../data/generator/columnar-table';
import { csvChunks, csvField, recordsToCsv, toCsv } from '../../../data/generator/csv-encode';
import { dayFromIso } from '../../../data/generator/day-number';

const codes = (name: string) => {
	const field = missingEpisodes.field(name);
	return field.kind === 'enum' ? field.values.codes : [];
};

/** Two episodes: one closed with an interview, one still open (nulls everywhere they are allowed). */
const episodes = columnarTable(
	missingEpisodes,
	2,
	{
		episode_id: { kind: 'text', value: (row) => ['E,1', 'E"2'][row] ?? null },
		child_id: { kind: 'text', value: () => 'C-0000000001' },
		start_date: { kind: 'date', values: Int32Array.of(dayFromIso('2026-06-01'), dayFromIso('2026-11-14')) },
		end_date: { kind: 'date', values: Int32Array.of(dayFromIso('2026-06-02'), NULL_INT) },
		episode_type: { kind: 'enum', codes: codes('episode_type'), indices: Uint8Array.of(0, 1) },
		age_at_start: { kind: 'integer', values: Int32Array.of(15, NULL_INT) },
		looked_after: { kind: 'boolean', values: Uint8Array.of(1, 0) },
		district: { kind: 'enum', codes: codes('district'), indices: Uint8Array.of(2, 5) },
		rhi_offered: { kind: 'boolean', values: Uint8Array.of(1, NULL_CODE) },
		rhi_accepted: { kind: 'boolean', values: Uint8Array.of(0, NULL_CODE) },
		rhi_date: { kind: 'date', values: Int32Array.of(NULL_INT, NULL_INT) }
	},
	['return_time', 'rhi_time', 'sex']
);

describe('CSV encoding', () => {
	it('quotes only cells with a comma, quote or line break, doubling quotes (RFC 4180)', () => {
		expect(csvField('plain')).toBe('plain');
		expect(csvField('a,b')).toBe('"a,b"');
		expect(csvField('say "hi"')).toBe('"say ""hi"""');
		expect(csvField('two\nlines')).toBe('"two\nlines"');
		expect(csvField('±10%')).toBe('±10%');
	});

	it('writes a header of field names, ISO dates, codes, true/false, empty for null and LF line ends', () => {
		expect(toCsv(episodes)).toBe(
			'episode_id,child_id,start_date,end_date,episode_type,age_at_start,looked_after,district,rhi_offered,rhi_accepted,rhi_date\n' +
				'"E,1",C-0000000001,2026-06-01,2026-06-02,missing,15,true,fenland,true,false,\n' +
				'"E""2",C-0000000001,2026-11-14,,away,,false,peterborough,,,\n'
		);
	});

	it('streams the same text in chunks', () => {
		expect([...csvChunks(episodes, 1)]).toHaveLength(3);
		expect([...csvChunks(episodes, 1)].join('')).toBe(toCsv(episodes));
	});

	it('writes plain records with the given columns', () => {
		expect(recordsToCsv(['a', 'b'], [{ a: 1, b: 'x, y' }])).toBe('a,b\n1,"x, y"\n');
	});
});

describe('columnarTable', () => {
	it('refuses columns that do not match the contract', () => {
		expect(() => columnarTable(missingEpisodes, 0, {})).toThrow(/no generated column/);
		const columns = { episode_id: { kind: 'integer' as const, values: new Int32Array(0) } };
		expect(() => columnarTable(missingEpisodes, 0, columns)).toThrow();
		// Only optional fields may be left to the reader as blanks.
		expect(() => columnarTable(missingEpisodes, 0, {}, ['start_date'])).toThrow(/is required/);
	});
});
