import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { withoutCodeGeneration } from '../../helpers/no-code-generation';

/**
 * Which Arquero 8 APIs would run in the page, whose CSP has no 'unsafe-eval'. Arquero compiles row
 * accessors, comparators and loops with `Function` (src/expression/compile.js, compare.js, util/unroll.js);
 * `aq.escape(fn)` skips parsing the function's source but still compiles the row object passed to it
 * (parse-escape.js). uwdata/arquero#361 asks for a CSP-safe mode; until it lands, only building tables,
 * moving columns and reading them back are eval-free. If an upgrade changes this, these tests say so.
 */
const rows = { period: ['2024-01-01', '2024-02-01', '2024-01-01'], area: ['a', 'b', 'b'], n: [1, 2, 3] };
const grid = () => aq.table({ period: ['2024-01-01', '2024-02-01'] }).cross(aq.table({ area: ['a', 'b'] }));

/** Run an Arquero pipeline and read every column back as arrays (not `objects()`, which compiles). */
function run(pipeline: () => aq.ColumnTable): unknown {
	const table = pipeline();
	return Object.fromEntries(table.columnNames().map((name) => [name, Array.from(table.array(name))]));
}

describe('the codegen guard', () => {
	it('refuses Function and eval inside, and restores them after, even on a throw', () => {
		expect(() => withoutCodeGeneration(() => Function('return 1'))).toThrow(EvalError);
		expect(() => withoutCodeGeneration(() => new Function('return 1'))).toThrow(EvalError);
		expect(() =>
			withoutCodeGeneration(() => {
				throw new RangeError('body');
			})
		).toThrow(RangeError);
		expect(Function('return 1')()).toBe(1);
	});
});

describe('Arquero without code generation', () => {
	it('builds tables, selects, renames, concatenates, slices and reads columns back', () => {
		const out = withoutCodeGeneration(() =>
			run(() =>
				aq.table(rows).select('period', 'n').rename({ n: 'count' }).concat(aq.table(rows)).slice(0, 2)
			)
		);
		expect(out).toEqual({ period: ['2024-01-01', '2024-02-01'], count: [1, 2] });
		expect(withoutCodeGeneration(() => aq.table(rows).toCSV())).toContain('2024-02-01,b,2');
	});

	it.each<[string, () => aq.ColumnTable]>([
		['objects()', () => (aq.table(rows).objects(), aq.table(rows))],
		['cross', grid],
		['join_left on key names', () => aq.table(rows).join_left(aq.table(rows), ['period', 'area'])],
		['lookup', () => aq.table(rows).lookup(aq.table(rows), ['period', 'area'], 'n')],
		['impute with an escaped function', () => aq.table(rows).impute({ n: aq.escape(() => 0) })],
		[
			'derive with an escaped function',
			() => aq.table(rows).derive({ m: aq.escape((d: { n: number }) => d.n) })
		],
		[
			'filter with an escaped function',
			() => aq.table(rows).filter(aq.escape((d: { n: number }) => d.n > 1))
		],
		['orderby a column name', () => aq.table(rows).orderby('period')],
		['groupby a column name', () => aq.table(rows).groupby('area')],
		[
			'rollup with an op',
			() =>
				aq
					.table(rows)
					.groupby('area')
					.rollup({ s: aq.op.sum('n') })
		],
		['pivot', () => aq.table(rows).pivot('area', 'n')],
		['fold', () => aq.table(rows).fold(['n'])],
		['dedupe', () => aq.table(rows).dedupe('area')]
	])('needs code generation for %s', (_, pipeline) => {
		expect(run(pipeline)).toBeDefined();
		expect(() => withoutCodeGeneration(() => run(pipeline))).toThrow(EvalError);
	});
});
