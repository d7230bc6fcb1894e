import { describe, expect, it } from 'vitest';
import { arrowToRows } from '$lib/engine/arrow-rows';
import { sql } from '$lib/sql/sql';
import { freshEngine } from '../../helpers/engine';

describe('arrowToRows', () => {
	it('reads DuckDB answers as plain rows: nulls kept in numeric columns, BIGINTs, dates, lists', async () => {
		const engine = await freshEngine();
		const table = await engine.arrow(
			sql`SELECT * FROM (VALUES
				(1, 10::BIGINT, 1.5, 'a', DATE '2024-03-01', [1, 2]),
				(2, NULL, NULL, NULL, NULL, NULL),
				(3, 30::BIGINT, 2.5, 'c''d', DATE '2025-12-31', [])
			) AS t(n, big, x, s, day, list) ORDER BY n`
		);
		await engine.close();
		expect(arrowToRows(table)).toEqual([
			{ n: 1, big: 10, x: 1.5, s: 'a', day: '2024-03-01', list: [1, 2] },
			{ n: 2, big: null, x: null, s: null, day: null, list: null },
			{ n: 3, big: 30, x: 2.5, s: "c'd", day: '2025-12-31', list: [] }
		]);
	});

	it('reads every batch of an answer in order, numeric columns read whole', async () => {
		const engine = await freshEngine();
		const table = await engine.arrow(
			sql`SELECT range::INTEGER AS n, (range * 2)::BIGINT AS big, 'r' || range AS label FROM range(5000)`
		);
		await engine.close();
		expect(table.batches.length).toBeGreaterThan(1);
		const rows = arrowToRows<{ n: number; big: number; label: string }>(table);
		expect(rows).toHaveLength(5000);
		expect(
			rows.every((row, index) => row.n === index && row.big === 2 * index && row.label === `r${index}`)
		).toBe(true);
	});
});
