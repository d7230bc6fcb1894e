import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
	constants,
	isoDay,
	memoryAmount,
	parseArguments,
	tableName,
	UsageError
} from '../../../src/cli/arguments';

const schema = z.object({
	files: z.array(z.string()).min(1, { message: 'Give the file to check.' }),
	table: tableName.optional(),
	today: isoDay.optional(),
	set: constants,
	publication: z.boolean().default(false)
});
const flags = { table: 'value', today: 'value', set: 'values', publication: 'switch' } as const;
const parse = (...argv: string[]) => parseArguments(argv, flags, schema);

describe('parseArguments', () => {
	it('reads positional files, values spaced or after =, repeated values and switches', () => {
		expect(
			parse(
				'a.csv',
				'--table',
				'missing_episodes',
				'--today=2026-12-06',
				'b.csv',
				'--set',
				'district=Fenland',
				'--set=looked_after=Yes',
				'--publication'
			)
		).toEqual({
			files: ['a.csv', 'b.csv'],
			table: 'missing_episodes',
			today: '2026-12-06',
			set: { district: 'Fenland', looked_after: 'Yes' },
			publication: true
		});
		expect(parse('a.csv')).toEqual({ files: ['a.csv'], set: {}, publication: false });
	});

	it("refuses what the schema refuses, with the schema's message", () => {
		expect(() => parse('a.csv', '--table', 'children')).toThrow(
			new UsageError('--table must be one of referrals, missing_episodes.')
		);
		expect(() => parse('a.csv', '--today', '06/12/2026')).toThrow('--today must be a date as yyyy-mm-dd.');
		expect(() => parse('a.csv', '--set', 'district')).toThrow('--set needs FIELD=VALUE');
		expect(() => parse()).toThrow('Give the file to check.');
	});

	it('refuses an undeclared flag and a missing value; --help asks for the usage', () => {
		expect(() => parse('a.csv', '--tabel', 'x')).toThrow('Unknown option --tabel.');
		expect(() => parse('a.csv', '--today')).toThrow('--today needs a value.');
		expect(() => parse('--help')).toThrow(new UsageError(''));
	});
});

describe('memoryAmount', () => {
	it('takes amounts as DuckDB writes them and refuses a bare number', () => {
		for (const amount of ['6GB', '512MB', '4GiB', '1.5 GB']) expect(memoryAmount.parse(amount)).toBe(amount);
		for (const amount of ['6', 'lots', '6 G']) expect(memoryAmount.safeParse(amount).success).toBe(false);
	});
});
