import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../../data/generator/cli-args';
import { demoOptions, isDemo } from '../../../data/generator/generator-options';

describe('parseCliArgs', () => {
	it('defaults to the demo options, both formats and the default folder', () => {
		const request = parseCliArgs([]);
		expect(request).toEqual({
			kind: 'generate',
			options: demoOptions,
			out: undefined,
			formats: ['csv', 'parquet']
		});
		expect(request.kind === 'generate' && isDemo(request.options)).toBe(true);
	});

	it('reads rows, seed, dates, output folder and formats', () => {
		const request = parseCliArgs([
			'--rows',
			'1_000_000',
			'--seed',
			'bench',
			'--start',
			'2020-01-01',
			'--extract-date',
			'2024-12-31',
			'--out',
			'/tmp/x',
			'--format',
			'csv'
		]);
		expect(request).toEqual({
			kind: 'generate',
			options: { rows: 1_000_000, seed: 'bench', start: '2020-01-01', extractDate: '2024-12-31' },
			out: '/tmp/x',
			formats: ['csv']
		});
		expect(request.kind === 'generate' && isDemo(request.options)).toBe(false);
	});

	it('asks for help', () => {
		expect(parseCliArgs(['--help'])).toEqual({ kind: 'help' });
	});

	it.each([
		[['--rows', '0']],
		[['--rows', '1e6']],
		[['--rows', '1000001']],
		[['--format', 'xlsx']],
		[['--start', '2021-13-01']],
		[['--extract-date', '2020-01-01']],
		[['--unknown']],
		[['--seed', '']]
	])('rejects %j', (args) => {
		expect(() => parseCliArgs(args)).toThrow();
	});
});
