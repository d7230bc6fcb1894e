import { describe, expect, it } from 'vitest';
import { planBatch, Priority } from '$lib/engine/query-batch';

const request = (name: string, priority: number, wanted = true) => ({
	name,
	wanted: () => wanted,
	priority: () => priority
});

describe('planBatch', () => {
	it('orders a batch on screen first, keeping the order asked within a priority', () => {
		const { batch, stale } = planBatch([
			request('a', Priority.offScreen),
			request('b', Priority.onScreen),
			request('c', Priority.offScreen),
			request('d', Priority.onScreen)
		]);
		expect(batch.map((one) => one.name)).toEqual(['b', 'd', 'a', 'c']);
		expect(stale).toEqual([]);
	});

	it('drops the requests nobody wants any more, whatever their priority', () => {
		const { batch, stale } = planBatch([
			request('a', Priority.onScreen, false),
			request('b', Priority.offScreen),
			request('c', Priority.onScreen, false)
		]);
		expect(batch.map((one) => one.name)).toEqual(['b']);
		expect(stale.map((one) => one.name)).toEqual(['a', 'c']);
	});

	it('asks each request whether it is wanted and how soon once, when the batch is planned', () => {
		let asked = 0;
		const counting = {
			wanted: () => (asked++, true),
			priority: () => (asked++, Priority.onScreen)
		};
		planBatch([counting, request('b', Priority.offScreen)]);
		expect(asked).toBe(2);
	});
});
