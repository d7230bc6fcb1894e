import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage } from './browser';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** The off-origin check is only worth something if it would catch a request; prove it does, workers included. */
describe('off-origin request guard', () => {
	it('records a request made from inside a Web Worker', async () => {
		const watch = await openPage(browser, '/dictionary/');
		await watch.context.route('**/probe-worker.js', (route) =>
			route.fulfill({
				contentType: 'text/javascript',
				body: "fetch('http://off-origin.invalid/leak').catch(() => postMessage('blocked'));"
			})
		);
		const message = await watch.page.evaluate(
			() =>
				new Promise<string>((resolve) => {
					const worker = new Worker('/probe-worker.js');
					worker.onmessage = (event) => resolve(String(event.data));
				})
		);
		expect(message).toBe('blocked');
		expect(watch.offOrigin).toContain('http://off-origin.invalid/leak');
	});

	it('the page’s Content-Security-Policy refuses off-origin fetches', async () => {
		const watch = await openPage(browser, '/dictionary/');
		const outcome = await watch.page.evaluate(() =>
			fetch('http://off-origin.invalid/leak').then(
				() => 'sent',
				(error: Error) => error.name
			)
		);
		expect(outcome).toBe('TypeError');
		const csp = await watch.page
			.locator('meta[http-equiv="content-security-policy"]')
			.getAttribute('content');
		expect(csp).toContain("default-src 'self'");
		expect(csp).toContain("connect-src 'self'");
		expect(csp).not.toContain("'unsafe-eval'");
	});
});
