import { describe, expect, it } from 'vitest';
import { onArrival } from '$lib/state/answer-arrivals';

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('answer arrivals', () => {
	it('applies the answers that arrive in one task together, on a later task, in the order they came', async () => {
		const applied: string[] = [];
		onArrival(() => applied.push('a'));
		onArrival(() => applied.push('b'));
		expect(applied).toEqual([]);
		await nextTask();
		expect(applied).toEqual(['a', 'b']);
		onArrival(() => applied.push('c'));
		await nextTask();
		expect(applied).toEqual(['a', 'b', 'c']);
	});
});
