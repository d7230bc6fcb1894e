// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** An IntersectionObserver the test drives: `report(node, onScreen)`. */
class FakeObserver {
	static last: FakeObserver | undefined;
	constructor(readonly callback: (entries: { target: Element; isIntersecting: boolean }[]) => void) {
		FakeObserver.last = this;
	}
	observe() {}
	unobserve() {}
}
const report = (target: Element, isIntersecting: boolean) =>
	FakeObserver.last!.callback([{ target, isIntersecting }]);

let printMatches = false;
beforeEach(() => {
	vi.resetModules();
	vi.useFakeTimers({ toFake: ['setTimeout', 'requestAnimationFrame'] });
	vi.stubGlobal('IntersectionObserver', FakeObserver);
	vi.stubGlobal('matchMedia', () => ({ matches: printMatches }));
	printMatches = false;
});
afterEach(() => {
	vi.useRealTimers();
	vi.unstubAllGlobals();
});

/** A fresh module (its queue and listeners), a counter of waiting views, and two charts' nodes. */
async function setUp() {
	const module = await import('$lib/components/deferred-draw');
	let waiting = 0;
	const wait = () => {
		waiting++;
		return () => waiting--;
	};
	const [on, off] = [document.createElement('div'), document.createElement('div')];
	module.trackOnScreen(on);
	module.trackOnScreen(off);
	report(on, true);
	report(off, false);
	return { ...module, on, off, wait, waiting: () => waiting };
}

describe('drawWhenDue', () => {
	it('draws an on-screen chart at once and an off-screen one after the next frame, counted as waiting', async () => {
		const { drawWhenDue, on, off, wait, waiting } = await setUp();
		const drawn: string[] = [];
		drawWhenDue(off, () => drawn.push('off'), wait);
		drawWhenDue(on, () => drawn.push('on'), wait);
		expect(drawn).toEqual(['on']);
		expect(waiting()).toBe(1);
		await vi.runAllTimersAsync();
		expect(drawn).toEqual(['on', 'off']);
		expect(waiting()).toBe(0);
	});

	it('drops a deferred drawing made stale by a newer one, and stops counting it', async () => {
		const { drawWhenDue, off, wait, waiting } = await setUp();
		const drawn: string[] = [];
		const cancel = drawWhenDue(off, () => drawn.push('old'), wait);
		cancel();
		drawWhenDue(off, () => drawn.push('new'), wait);
		expect(waiting()).toBe(1);
		await vi.runAllTimersAsync();
		expect(drawn).toEqual(['new']);
		expect(waiting()).toBe(0);
	});

	it('draws every pending chart before printing, and everything at once while printing', async () => {
		const { drawWhenDue, off, wait } = await setUp();
		const drawn: string[] = [];
		drawWhenDue(off, () => drawn.push('pending'), wait);
		window.dispatchEvent(new Event('beforeprint'));
		expect(drawn).toEqual(['pending']);
		drawWhenDue(off, () => drawn.push('while printing'), wait);
		expect(drawn).toEqual(['pending', 'while printing']);
		window.dispatchEvent(new Event('afterprint'));
		printMatches = true;
		drawWhenDue(off, () => drawn.push('print media'), wait);
		expect(drawn).toEqual(['pending', 'while printing', 'print media']);
	});

	it('draws at once a chart it has no report for', async () => {
		const { drawWhenDue, wait } = await setUp();
		const drawn: string[] = [];
		drawWhenDue(document.createElement('div'), () => drawn.push('unobserved'), wait);
		expect(drawn).toEqual(['unobserved']);
	});
});
