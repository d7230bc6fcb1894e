import { describe, expect, it } from 'vitest';
import { and, ident, isIn, literal, sql } from '$lib/sql/sql';

describe('sql builder', () => {
	it('escapes interpolated values as literals', () => {
		const name = "O'Brien; DROP TABLE referrals; --";
		expect(sql`SELECT ${name}`.text).toBe("SELECT 'O''Brien; DROP TABLE referrals; --'");
	});

	it('inlines fragments and quotes identifiers', () => {
		expect(sql`SELECT ${ident('a"b')} FROM t WHERE ${sql`x = ${1}`}`.text).toBe(
			'SELECT "a""b" FROM t WHERE x = 1'
		);
	});

	it('writes lists, booleans, null and dates', () => {
		expect(sql`${['a', "b'c"]}`.text).toBe("('a', 'b''c')");
		expect(sql`${true} ${false} ${null}`.text).toBe('TRUE FALSE NULL');
		expect(literal(new Date(Date.UTC(2024, 0, 5))).text).toBe("DATE '2024-01-05'");
	});

	it('refuses values that would silently become NULL or invalid SQL', () => {
		expect(() => literal(Number.NaN)).toThrow(RangeError);
		expect(() => literal(Number.POSITIVE_INFINITY)).toThrow(RangeError);
		expect(() => sql`${[]}`).toThrow(RangeError);
	});

	it('and() drops undefined predicates and never leaves a dangling clause', () => {
		expect(and().text).toBe('TRUE');
		expect(and(undefined, sql`a = 1`).text).toBe('a = 1');
		expect(and(sql`a = 1`, undefined, sql`b = 2`).text).toBe('(a = 1) AND (b = 2)');
	});

	it('isIn: undefined means no filter, empty means nothing matches', () => {
		expect(isIn(ident('d'), undefined)).toBeUndefined();
		expect(isIn(ident('d'), [])?.text).toBe('FALSE');
		expect(isIn(ident('d'), ['x'])?.text).toBe(`"d" IN ('x')`);
	});
});
