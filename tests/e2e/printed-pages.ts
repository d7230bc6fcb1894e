import type { Page } from 'playwright-core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * What landed on which printed sheet: Chromium's PDF read back with pdf.js. Text is compared with all
 * white space removed, so a line break (or a word broken at a hyphen) on paper does not matter.
 */

/** A4 is 842 pt high; the `@page` margins are 14 mm (40 pt) at the top and 16 mm (45 pt) at the foot. */
const sheetHeight = 842;
const footMargin = 45;
const headMargin = 40;

/** Each printed page's text, in order: all of it (`text`) and the body without the page margins (`body`). */
export interface PrintedPage {
	text: string;
	body: string;
}

export async function printedPages(pdf: Buffer): Promise<PrintedPage[]> {
	const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: true }).promise;
	const pages: PrintedPage[] = [];
	for (let number = 1; number <= document.numPages; number++) {
		const content = await (await document.getPage(number)).getTextContent();
		const items = content.items.flatMap((item) =>
			'str' in item ? [{ text: item.str + (item.hasEOL ? ' ' : ''), y: item.transform[5] as number }] : []
		);
		const join = (kept: typeof items) =>
			kept
				.map((item) => item.text)
				.join('')
				.replace(/\s+/g, ' ');
		pages.push({
			text: join(items),
			// The running footer and page number are in the margins: the body is what lies between them.
			body: join(items.filter((item) => item.y > footMargin && item.y < sheetHeight - headMargin))
		});
	}
	return pages;
}

/** Text as it is compared: no white space, no soft hyphen. */
export const squeezed = (text: string) => text.replace(/[\s\u00ad]+/g, '');

/**
 * What a board would not accept in a printout, as sentences naming each case (none: `[]`):
 * - a figure's title, its chart and its caption not on one sheet: the sheet holding the title must hold the
 *   end of the caption below the chart (a figure without a caption is checked by the end of its chart's
 *   text instead);
 * - a heading (or a definition's term, "Sources") as the last text on a sheet, cut off from what it heads;
 * - two of a chart's labels running into each other at the paper's width;
 * - a chart frame meant to show a chart (not its table) with none drawn in print.
 *
 * `page` is the printed page, still loaded; `pdf` is what it printed.
 */
export async function printProblems(page: Page, pdf: Buffer): Promise<string[]> {
	await page.emulateMedia({ media: 'print' });
	// The charts redraw at the paper's width: let them.
	await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 200))));
	const { figures, headings, overlaps, undrawn } = await page.evaluate(() => {
		const shown = (element: Element) => (element as HTMLElement).checkVisibility();
		const text = (element: Element) => (element as HTMLElement).innerText.trim();
		return {
			// Plot draws a chart with a legend inside a figure of its own: that one is part of the chart.
			figures: [...document.querySelectorAll('main figure:not(figure figure)')]
				.filter(shown)
				.map((figure) => {
					const title = figure.querySelector('h2, h3, h4');
					const caption = figure.querySelector(':scope > figcaption');
					const svgText = [...figure.querySelectorAll('svg text')].map((node) => node.textContent ?? '');
					return {
						title: title ? text(title) : '',
						end: caption && shown(caption) ? text(caption) : (svgText.at(-1) ?? '')
					};
				}),
			// A chart frame showing its chart (not its table, not "no data") with no chart in it on paper.
			undrawn: [...document.querySelectorAll('main figure:has(> .plot)')]
				.filter((figure) => figure.querySelector(':scope > .plot svg') === null)
				.map((figure) => text(figure.querySelector('h2, h3, h4') ?? figure)),
			headings: [...document.querySelectorAll('main :is(h1, h2, h3, h4, dt):not(figure *)')]
				.filter(shown)
				.map(text)
				.filter((heading) => heading !== ''),
			// Labels a chart writes (text marks, tick labels, facet titles) that run into one another at the
			// paper's width. Every text in the SVG: accessible-svg.ts strips the `aria-label="text"` Plot puts
			// on its text marks' groups, so that cannot pick them out.
			overlaps: [...document.querySelectorAll('main svg')].flatMap((svg) => {
				// Rotated labels are left out: their boxes are upright rectangles that overlap when the text does not.
				const labels = [...svg.querySelectorAll('text')]
					.filter(
						(node) => !/rotate/.test(node.closest('[transform*="rotate"]')?.getAttribute('transform') ?? '')
					)
					.map((node) => ({ text: node.textContent ?? '', box: node.getBoundingClientRect() }))
					.filter(({ box }) => box.width > 0);
				return labels.flatMap((a, index) =>
					labels
						.slice(index + 1)
						.filter(
							({ box: b }) =>
								a.box.left < b.right - 1 &&
								b.left < a.box.right - 1 &&
								a.box.top < b.bottom - 1 &&
								b.top < a.box.bottom - 1
						)
						.map((b) => `labels "${a.text}" and "${b.text}" overlap`)
				);
			})
		};
	});
	await page.emulateMedia({ media: null });
	const sheets = (await printedPages(pdf)).map((sheet) => squeezed(sheet.body));
	const problems: string[] = [
		...overlaps,
		...undrawn.map((title) => `figure "${title}": no chart drawn on paper`)
	];
	for (const { title, end } of figures) {
		if (title === '') continue;
		const tail = squeezed(end).slice(-60);
		const withTitle = sheets.findIndex((sheet) => sheet.includes(squeezed(title)));
		if (withTitle < 0) problems.push(`figure "${title}": title not printed whole on any sheet`);
		else if (!sheets.some((sheet) => sheet.includes(squeezed(title)) && sheet.includes(tail)))
			problems.push(`figure "${title}": title on sheet ${withTitle + 1}, its chart and caption not with it`);
	}
	// Each heading is found in the printed text in document order, after the one before it (so a link or a
	// sentence with the same words elsewhere is not taken for it): it must not end its sheet.
	const ends = sheets.map((_, index) => sheets.slice(0, index + 1).join('').length);
	const printed = sheets.join('');
	let from = 0;
	for (const heading of headings) {
		const at = printed.indexOf(squeezed(heading), from);
		if (at < 0) continue;
		from = at + squeezed(heading).length;
		const sheet = ends.indexOf(from);
		if (sheet >= 0) problems.push(`sheet ${sheet + 1} ends with the heading "${heading}"`);
	}
	return problems;
}
