import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, waitForCharts, type PageWatch } from './browser';

let browser: Browser;
let watch: PageWatch;
beforeAll(async () => {
	browser = await launchBrowser();
	watch = await openPage(browser, '/?district=narnia&gender=female');
});
afterAll(() => browser?.close());

describe('links that do not lie', () => {
	it('says "loading" while the engine starts, never that nothing matches', async () => {
		// Read from the first paint on: the page text must never claim an empty answer it has not had.
		const seen = await watch.page.evaluate(
			() =>
				new Promise<string[]>((resolve) => {
					const texts: string[] = [];
					const record = () => texts.push(document.querySelector('main')?.textContent ?? '');
					record();
					const observer = new MutationObserver(record);
					observer.observe(document.body, { subtree: true, childList: true, characterData: true });
					const done = () => {
						observer.disconnect();
						resolve(texts);
					};
					const poll = setInterval(() => {
						if (document.querySelector('main[data-views-loading="0"] figure.chart svg')) {
							clearInterval(poll);
							done();
						}
					}, 50);
				})
		);
		expect(seen.some((text) => /No referrals match|No data matches/.test(text))).toBe(false);
		await waitForCharts(watch.page);
	});

	it('drops an unknown district and says so, applying the rest of the link', async () => {
		const notice = watch.page.getByTestId('link-notice');
		expect(await notice.textContent()).toContain('district “narnia”');
		const showing = await watch.page.locator('.current').textContent();
		expect(showing).not.toMatch(/Districts: none/);
		expect(showing).toMatch(/female/i);
		const [referrals] = await watch.page.getByTestId('headline-value').allTextContents();
		expect(Number(referrals?.replace(/,/g, ''))).toBeGreaterThan(0);
	});

	it('flags a period whose from is after its to', async () => {
		await watch.page.goto(new URL('/trends/?from=2026-01-01&to=2025-01-01', watch.baseUrl).href);
		await waitForCharts(watch.page);
		expect(await watch.page.getByTestId('link-notice').textContent()).toContain('ends before it starts');
	});

	it('commits a year typed into a date box once, with no page error', async () => {
		await watch.page.goto(new URL('/trends/', watch.baseUrl).href);
		await waitForCharts(watch.page);
		const before = await watch.page.evaluate(() => history.length);
		const box = watch.page.getByLabel('From', { exact: true });
		await box.focus();
		// Day and month (in the browser's order), then the year: each year keystroke makes a valid date
		// (0002, 0020, 0202, 2025), and each navigated before.
		await watch.page.keyboard.type('01042025', { delay: 60 });
		await expect
			.poll(() => new URL(watch.page.url()).searchParams.get('from'), { timeout: 10_000 })
			.toMatch(/^2025-0[14]-0[14]$/);
		await watch.page.waitForTimeout(1000);
		expect((await watch.page.evaluate(() => history.length)) - before).toBe(1);
		expect(watch.consoleErrors).toEqual([]);
	});
});
