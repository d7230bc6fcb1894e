import { describe, expect, it } from 'vitest';
import { readAhead } from '$lib/engine/read-ahead';

/** A source of `count` items that records when each is asked for and whether it was closed. */
function recorded(count: number, failAt?: number) {
	const log: string[] = [];
	let closed = false;
	async function* items(): AsyncGenerator<number> {
		try {
			for (let item = 0; item < count; item++) {
				log.push(`ask ${item}`);
				await new Promise((resolve) => setTimeout(resolve, 1));
				if (item === failAt) throw new Error(`item ${item} failed`);
				yield item;
			}
		} finally {
			closed = true;
			log.push('closed');
		}
	}
	return { items: items(), log, closed: () => closed };
}

describe('readAhead', () => {
	it('hands over every item in order', async () => {
		const { items } = recorded(5);
		const seen: number[] = [];
		for await (const item of readAhead(items)) seen.push(item);
		expect(seen).toEqual([0, 1, 2, 3, 4]);
	});

	it('asks for the next item before the consumer has finished with the one it holds', async () => {
		const { items, log } = recorded(3);
		for await (const item of readAhead(items)) {
			log.push(`consume ${item}`);
			// The consumer's own slow step (DuckDB's insert): the source runs meanwhile.
			await new Promise((resolve) => setTimeout(resolve, 5));
			log.push(`consumed ${item}`);
		}
		expect(log.indexOf('ask 1')).toBeLessThan(log.indexOf('consumed 0'));
		expect(log.indexOf('ask 2')).toBeLessThan(log.indexOf('consumed 1'));
	});

	it('reads at most one item ahead', async () => {
		const { items, log } = recorded(4);
		for await (const item of readAhead(items)) {
			await new Promise((resolve) => setTimeout(resolve, 10));
			const asked = log.filter((line) => line.startsWith('ask')).length;
			expect(asked).toBeLessThanOrEqual(item + 2);
		}
	});

	it('closes the source after the read in flight when the consumer stops early', async () => {
		const { items, log, closed } = recorded(5);
		for await (const item of readAhead(items)) if (item === 1) break;
		expect(closed()).toBe(true);
		// The read of item 2 had started; the source was closed after it, and nothing more was read.
		expect(log).toEqual(['ask 0', 'ask 1', 'ask 2', 'closed']);
	});

	it("passes on the source's error", async () => {
		const { items } = recorded(5, 2);
		const seen: number[] = [];
		await expect(
			(async () => {
				for await (const item of readAhead(items)) seen.push(item);
			})()
		).rejects.toThrow('item 2 failed');
		expect(seen).toEqual([0, 1]);
	});
});
