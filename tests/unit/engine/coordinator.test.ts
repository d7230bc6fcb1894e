import { describe, expect, it } from 'vitest';
import { QueryCoordinator, StaleQueryError } from '$lib/engine/coordinator';
import type { Engine } from '$lib/engine/engine';
import { Priority } from '$lib/engine/query-batch';
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
		// Asked later, while the first is running: 2 is queued and replaced by 3 before it can be sent.
		await new Promise((resolve) => setTimeout(resolve, 1));
		const second = request(2);
		const third = request(3);
		await expect(first).resolves.toEqual([{ text: 'SELECT 1' }]);
		await expect(second).rejects.toBeInstanceOf(StaleQueryError);
		await expect(third).resolves.toEqual([{ text: 'SELECT 3' }]);
		expect(ran).toEqual(['SELECT 1', 'SELECT 3']);
	});

	it('sends the queries asked together as one batch, before any answer is back, and the next batch after it', async () => {
		const log: string[] = [];
		const engine = {
			async query(statement: { text: string }) {
				log.push(`start ${statement.text}`);
				await new Promise((resolve) => setTimeout(resolve, 5));
				log.push(`end ${statement.text}`);
				return [{ text: statement.text }];
			}
		} as unknown as Engine;
		const coordinator = new QueryCoordinator(engine);
		const first = [1, 2, 3, 4, 5].map((n) => coordinator.query(sql`SELECT ${n}`));
		// Asked while the first batch is in flight: it waits for the whole batch.
		await new Promise((resolve) => setTimeout(resolve, 1));
		const second = [6, 7].map((n) => coordinator.query(sql`SELECT ${n}`));
		const answers = await Promise.all([...first, ...second]);
		expect(answers.map((rows) => rows[0])).toEqual(
			[1, 2, 3, 4, 5, 6, 7].map((n) => ({ text: `SELECT ${n}` }))
		);
		// All five were handed to the engine before the first answer came back: no round trip between them.
		expect(log.slice(0, 5)).toEqual([1, 2, 3, 4, 5].map((n) => `start SELECT ${n}`));
		expect(log.indexOf('start SELECT 6')).toBeGreaterThan(log.lastIndexOf('end SELECT 5'));
	});

	it("sends the on-screen charts' queries of a batch first, the others after, in the order asked", async () => {
		const { engine, ran } = recordingEngine();
		const coordinator = new QueryCoordinator(engine);
		const onScreen = new Set([2, 4]);
		await Promise.all(
			[1, 2, 3, 4].map((n) =>
				coordinator.query(
					sql`SELECT ${n}`,
					() => true,
					() => (onScreen.has(n) ? Priority.onScreen : Priority.offScreen)
				)
			)
		);
		expect(ran).toEqual(['SELECT 2', 'SELECT 4', 'SELECT 1', 'SELECT 3']);
	});

	it('drops a stale batch whole, and sends a query two views share while either still wants it', async () => {
		const { engine, ran } = recordingEngine();
		const coordinator = new QueryCoordinator(engine);
		let state = 0;
		const view = (n: number, shared: number) => {
			const asked = state;
			return [
				coordinator.query(sql`SELECT ${n}`, () => state === asked),
				coordinator.query(sql`SELECT 'shared', ${shared}`, () => state === asked)
			];
		};
		const busy = coordinator.query(sql`SELECT 0`);
		await new Promise((resolve) => setTimeout(resolve, 1));
		// Two filter states asked while the engine is busy: the first is stale before it can be sent, but the
		// question it shares with the second (asked first by the stale view) is still wanted.
		const [stale, staleShared] = view(1, 2);
		state = 1;
		const fresh = view(2, 2);
		await busy;
		await expect(stale).rejects.toBeInstanceOf(StaleQueryError);
		await expect(Promise.all([...fresh, staleShared])).resolves.toHaveLength(3);
		expect(ran).toEqual(['SELECT 0', `SELECT 'shared', 2`, 'SELECT 2']);
	});

	it('runs an exclusive task alone: after the queries in flight, before the ones asked after it', async () => {
		const log: string[] = [];
		const engine = {
			async query(statement: { text: string }) {
				log.push(`start ${statement.text}`);
				await new Promise((resolve) => setTimeout(resolve, 5));
				log.push(`end ${statement.text}`);
				return [];
			}
		} as unknown as Engine;
		const coordinator = new QueryCoordinator(engine);
		const done = [
			coordinator.query(sql`SELECT 1`),
			coordinator.query(sql`SELECT 2`),
			coordinator.exclusive('console', async () => {
				log.push('start console');
				await new Promise((resolve) => setTimeout(resolve, 5));
				log.push('end console');
			}),
			coordinator.query(sql`SELECT 3`)
		];
		await Promise.all(done);
		expect(log.slice(4)).toEqual(['start console', 'end console', 'start SELECT 3', 'end SELECT 3']);
		expect(log.slice(0, 4).sort()).toEqual([
			'end SELECT 1',
			'end SELECT 2',
			'start SELECT 1',
			'start SELECT 2'
		]);
	});

	it('drops every query of a burst but the latest ones before any is sent', async () => {
		const { engine, ran } = recordingEngine();
		const coordinator = new QueryCoordinator(engine);
		let latest = 0;
		const asked = [1, 2, 3].map((n) => {
			latest = n;
			return coordinator.query(sql`SELECT ${n}`, () => latest === n);
		});
		await Promise.allSettled(asked);
		expect(ran).toEqual(['SELECT 3']);
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
