import { launchChromium } from '../helpers/chromium';
import { median, startPreview } from './preview-server';

/**
 * Cold start: a fresh browser profile navigates to the overview; time until DuckDB has loaded the demo
 * extract and the first chart is drawn. Median of 5 runs.
 */
export async function coldStart(runs = 5): Promise<void> {
	const { baseUrl, stop } = await startPreview();
	const browser = await launchChromium();
	const times: number[] = [];
	try {
		for (let run = 0; run < runs; run++) {
			const context = await browser.newContext();
			const page = await context.newPage();
			await page.goto(`${baseUrl}/`);
			await page.waitForFunction(
				() => document.querySelector('figure.chart[aria-busy="false"] svg[role="img"]') !== null,
				null,
				{
					timeout: 120_000
				}
			);
			times.push(await page.evaluate(() => performance.now()));
			await context.close();
		}
	} finally {
		await browser.close();
		stop();
	}
	console.log(
		`cold start to first chart (fresh context, ${runs} runs): median ${median(times).toFixed(0)} ms; runs ${times.map((t) => t.toFixed(0)).join(', ')} ms`
	);
}
