import { chromium, type Browser } from 'playwright-core';

/**
 * Headless Chromium as this project runs it: the system browser (Playwright cannot download its own here)
 * with background networking off, so the only requests are the ones the app makes.
 */
export const chromiumArgs = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

export function launchChromium(): Promise<Browser> {
	return chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: chromiumArgs
	});
}
