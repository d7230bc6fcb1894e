import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectAnswer, holdMs, onArrival } from '$lib/state/answer-arrivals';

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
	vi.useRealTimers();
});

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

	it('holds an answer while another asked for is on its way, then applies both together', async () => {
		const applied: string[] = [];
		const first = expectAnswer();
		const second = expectAnswer();
		first();
		onArrival(() => applied.push('first'));
		await nextTask();
		await nextTask();
		expect(applied).toEqual([]);
		second();
		onArrival(() => applied.push('second'));
		await nextTask();
		expect(applied).toEqual(['first', 'second']);
	});

	it('stops waiting for an answer given up (a request made stale)', async () => {
		const applied: string[] = [];
		const kept = expectAnswer();
		const dropped = expectAnswer();
		kept();
		onArrival(() => applied.push('kept'));
		await nextTask();
		expect(applied).toEqual([]);
		dropped();
		await nextTask();
		expect(applied).toEqual(['kept']);
		// Released twice (the answer arrives after all): counted once.
		dropped();
	});

	it('holds an answer no longer than holdMs for a slow one', () => {
		vi.useFakeTimers();
		const applied: string[] = [];
		const slow = expectAnswer();
		const fast = expectAnswer();
		fast();
		onArrival(() => applied.push('fast'));
		vi.advanceTimersByTime(holdMs - 1);
		expect(applied).toEqual([]);
		// The hold ends, then the answer is applied at the next frame (or task, where there are no frames).
		vi.advanceTimersByTime(1);
		vi.advanceTimersByTime(50);
		expect(applied).toEqual(['fast']);
		slow();
		onArrival(() => applied.push('slow'));
		vi.advanceTimersByTime(50);
		expect(applied).toEqual(['fast', 'slow']);
	});
});
