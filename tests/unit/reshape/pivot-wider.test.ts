import { describe, expect, it } from 'vitest';
import { pivotWider } from '$lib/reshape/pivot-wider';
import { withoutCodeGeneration } from '../../helpers/no-code-generation';

const long = [
	{ district: 'fenland', quarter: '2024-Q1', n: 3 },
	{ district: 'fenland', quarter: '2024-Q2', n: 5 },
	{ district: 'cambridge', quarter: '2024-Q2', n: 2 }
];

describe('pivotWider', () => {
	it('makes one row per combination of the other columns and one column per name, null where absent', () => {
		expect(pivotWider(long, { names: 'quarter', values: 'n' })).toEqual({
			columns: ['district', '2024-Q1', '2024-Q2'],
			rows: [
				{ district: 'fenland', '2024-Q1': 3, '2024-Q2': 5 },
				{ district: 'cambridge', '2024-Q1': null, '2024-Q2': 2 }
			]
		});
	});

	it('says which column is missing, or that names and values are the same column', () => {
		expect(() => pivotWider(long, { names: 'month', values: 'n' })).toThrow(/no column month/);
		expect(() => pivotWider(long, { names: 'n', values: 'n' })).toThrow(/different columns/);
	});

	it('needs code generation, which is why it runs in the reshape worker and not in the page', () => {
		expect(() => withoutCodeGeneration(() => pivotWider(long, { names: 'quarter', values: 'n' }))).toThrow(
			EvalError
		);
	});
});
