import { describe, expect, it } from 'vitest';
import { QueryCoordinator, StaleQueryError } from '$lib/engine/coordinator';
import type { Engine } from '$lib/engine/engine';
import { sql } from '$lib/sql/sql';

/** An engine that records which queries reached it and answers each with its text. */
function recordingEngine() {
	const ran: string[] = [];
	const engine = {
		async query(statement: { text: string }) {
			ran.push(statement.text);
			await new Promise((resolve) => setTimeout(resolve, 5));
			return [{ text: statement.text }];
		}
	} as unknown as Engine;
	return { engine, ran };
}

describe('QueryCoordinator', () => {
	it('runs each distinct query once and shares the answer', async () => {
		const { engine, ran } = recordingEngine();
		const coordinator = new QueryCoordinator(engine);
		const [a, b] = await Promise.all([coordinator.query(sql`SELECT 1`), coordinator.query(sql`SELECT 1`)]);
		expect(a).toBe(b);
		expect(ran).toEqual(['SELECT 1']);
	});

	it('abandons queued queries nobody wants any more, before they reach DuckDB', async () => {
		const { engine, ran } = recordingEngine();
		const coordinator = new QueryCoordinator(engine);
		let latest = 0;
		const request = (n: number) => {
			latest = n;
			return coordinator.query(sql`SELECT ${n}`, () => latest === n);
		};
		const first = request(1);
		const second = request(2);
		const third = request(3);
		await expect(first).resolves.toEqual([{ text: 'SELECT 1' }]);
		await expect(second).rejects.toBeInstanceOf(StaleQueryError);
		await expect(third).resolves.toEqual([{ text: 'SELECT 3' }]);
		expect(ran).toEqual(['SELECT 1', 'SELECT 3']);
	});

	it('re-runs an abandoned query when it is asked for again, and forgets everything on invalidate', async () => {
		const { engine, ran } = recordingEngine();
		const coordinator = new QueryCoordinator(engine);
		await coordinator.query(sql`SELECT 0`);
		await expect(coordinator.query(sql`SELECT 1`, () => false)).rejects.toBeInstanceOf(StaleQueryError);
		await coordinator.query(sql`SELECT 1`);
		coordinator.invalidate();
		await coordinator.query(sql`SELECT 0`);
		expect(ran).toEqual(['SELECT 0', 'SELECT 1', 'SELECT 0']);
		expect(coordinator.generation).toBe(1);
	});
	it('evicts the least recently used answer: a cache hit counts as a use', async () => {
		const { engine, ran } = recordingEngine();
		const coordinator = new QueryCoordinator(engine, 2);
		await coordinator.query(sql`SELECT 'a'`);
		await coordinator.query(sql`SELECT 'b'`);
		// A hit on a: b is now the least recently used, so c pushes b out, not a.
		await coordinator.query(sql`SELECT 'a'`);
		await coordinator.query(sql`SELECT 'c'`);
		await coordinator.query(sql`SELECT 'a'`);
		expect(ran).toEqual([`SELECT 'a'`, `SELECT 'b'`, `SELECT 'c'`]);
		await coordinator.query(sql`SELECT 'b'`);
		expect(ran).toEqual([`SELECT 'a'`, `SELECT 'b'`, `SELECT 'c'`, `SELECT 'b'`]);
	});
});
