import { describe, expect, it } from 'vitest';
import { indicatorColumns } from '$lib/contract';
import {
	isAssessed,
	isPresent,
	perIndicatorList,
	presentCount
} from '$lib/sql/metrics/indicators/indicator-sql';
import { sql } from '$lib/sql/sql';

describe('indicator SQL fragments', () => {
	it('counts every level but none and not assessed as present, and never yields NULL', () => {
		expect(isPresent('ind_missing').text).toBe(
			`COALESCE("ind_missing" IN ('low', 'medium', 'high', 'present'), FALSE)`
		);
		expect(isAssessed('ind_gifts').text).toBe(`COALESCE("ind_gifts" <> 'not_assessed', FALSE)`);
	});

	it('builds the indicator count and per-indicator list from the contract, not by hand', () => {
		const count = presentCount().text;
		for (const column of indicatorColumns) expect(count).toContain(`"${column}" IN`);
		expect(count.split(' + ')).toHaveLength(12);
		const list = perIndicatorList((column) => ({ n: sql`count(${column})` })).text;
		expect(list.startsWith(`[{'indicator': 'ind_missing', 'n': count('ind_missing')}`)).toBe(true);
		expect(list.match(/'indicator':/g)).toHaveLength(12);
	});
});
