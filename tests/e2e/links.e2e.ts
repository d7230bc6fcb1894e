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

	it('date boxes read dd/mm/yyyy: a typed day commits once when finished, an impossible one says why', async () => {
		await watch.page.goto(new URL('/trends/?from=2025-04-01', watch.baseUrl).href);
		await waitForCharts(watch.page);
		const from = watch.page.getByRole('textbox', { name: 'From', exact: true });
		// Shown day first whatever the browser's locale, with the format as a hint.
		expect(await from.inputValue()).toBe('01/04/2025');
		expect(await from.getAttribute('aria-describedby')).toMatch(/hint/);
		const before = await watch.page.evaluate(() => history.length);
		await from.fill('');
		// Each keystroke of the year would have navigated with the browser's date input (0002, 0020, …).
		await from.pressSequentially('02/05/2024', { delay: 40 });
		await watch.page.waitForTimeout(800);
		expect(new URL(watch.page.url()).searchParams.get('from')).toBe('2025-04-01');
		await from.press('Enter');
		await expect
			.poll(() => new URL(watch.page.url()).searchParams.get('from'), { timeout: 10_000 })
			.toBe('2024-05-02');
		await watch.page.waitForTimeout(1000);
		expect((await watch.page.evaluate(() => history.length)) - before).toBe(1);

		const to = watch.page.getByRole('textbox', { name: 'To', exact: true });
		await to.fill('31/02/2026');
		await to.press('Tab');
		const error = watch.page.getByText('To date must be a real date: February 2026 has 28 days');
		await error.waitFor({ timeout: 10_000 });
		expect(await to.getAttribute('aria-invalid')).toBe('true');
		const describedBy = (await to.getAttribute('aria-describedby')) ?? '';
		expect(describedBy.split(' ')).toContain(await error.evaluate((node) => node.closest('[id]')?.id));
		expect(new URL(watch.page.url()).searchParams.get('to')).toBeNull();
		expect(watch.consoleErrors).toEqual([]);
	});
});
