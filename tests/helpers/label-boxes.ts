/**
 * Where a chart's labels land, estimated from the SVG a chart function returns under jsdom (which lays out
 * no text): each `<text>`'s anchor point from its own and its ancestors' `translate(…)` and x/y attributes,
 * its lines from its `<tspan>`s, its size and anchor inherited, and generous font metrics, so that two
 * labels that touch in any of the fonts the app draws with are reported here too. The same test as the
 * printed-page check (`tests/e2e/printed-pages.ts`), which measures the real boxes in Chromium on paper.
 */

/**
 * Font metrics in em, the larger of the two fonts the browser tests draw in: DejaVu Sans (system-ui on
 * screen here: ascent 0.93, descent 0.24, figures 0.64 wide, letters about 0.6 on average) and Liberation
 * Sans (Arial's twin, on paper: 0.91, 0.21, figures 0.56). The same metrics size the margins in
 * `$lib/charts/axis-room`.
 */
const ascent = 0.93;
const descent = 0.24;
/** Advance of a character: figures are wider than most letters. */
const advance = (character: string) => (/\d/.test(character) ? 0.64 : 0.6);

export interface LabelBox {
	text: string;
	left: number;
	right: number;
	top: number;
	bottom: number;
}

/** A length in pixels; em at the element's font size. */
function length(value: string | null, fontSize: number): number {
	if (value === null || value === '') return 0;
	return value.endsWith('em') ? parseFloat(value) * fontSize : parseFloat(value);
}

/** The font size the element's text is set in: its own or the nearest ancestor's, a style before an attribute. */
function fontSizeOf(element: Element): number {
	for (let node: Element | null = element; node; node = node.parentElement) {
		const styled = /font-size:\s*([\d.]+)px/.exec(node.getAttribute('style') ?? '');
		if (styled) return Number(styled[1]);
		const attribute = node.getAttribute('font-size');
		if (attribute !== null) return parseFloat(attribute);
	}
	return 16;
}

/** The offset of an element's content from the SVG's origin: every enclosing translate, and x/y of groups. */
function offset(element: Element): [number, number] | undefined {
	let [x, y] = [0, 0];
	for (
		let node: Element | null = element;
		node && node.tagName.toLowerCase() !== 'svg';
		node = node.parentElement
	) {
		const transform = node.getAttribute('transform') ?? '';
		// A rotated label's upright box says nothing about where its letters are: left out, as the e2e check does.
		if (/rotate\(\s*[-\d.]*[1-9]/.test(transform)) return undefined;
		const match = /translate\(\s*([-\d.e]+)[,\s]+([-\d.e]+)\s*\)/.exec(transform);
		if (match) [x, y] = [x + Number(match[1]), y + Number(match[2])];
	}
	return [x, y];
}

/** Estimated width of a line of text, bold a tenth wider. */
function lineWidth(text: string, fontSize: number, bold: boolean): number {
	return [...text].reduce((sum, character) => sum + advance(character), 0) * fontSize * (bold ? 1.1 : 1);
}

/** The boxes of every label in a chart's SVG (rotated ones left out). */
export function labelBoxes(svg: Element): LabelBox[] {
	return [...svg.querySelectorAll('text')].flatMap((node) => {
		const at = offset(node);
		const content = node.textContent ?? '';
		if (!at || content.trim() === '') return [];
		const fontSize = fontSizeOf(node);
		const anchor = node.closest('[text-anchor]')?.getAttribute('text-anchor') ?? 'start';
		const bold = /bold|[6-9]00/.test(node.closest('[font-weight]')?.getAttribute('font-weight') ?? '');
		const x0 = at[0] + length(node.getAttribute('x'), fontSize) + length(node.getAttribute('dx'), fontSize);
		let baseline =
			at[1] + length(node.getAttribute('y'), fontSize) + length(node.getAttribute('dy'), fontSize);
		// One line per <tspan> (Plot's multi-line labels: "Oct" above "2024"), else the text itself.
		const spans = [...node.querySelectorAll('tspan')];
		const lines = spans.length === 0 ? [{ text: content, baseline }] : [];
		for (const span of spans) {
			const y = span.getAttribute('y');
			baseline =
				(y === null ? baseline : at[1] + length(y, fontSize)) + length(span.getAttribute('dy'), fontSize);
			lines.push({ text: span.textContent ?? '', baseline });
		}
		const width = Math.max(...lines.map((line) => lineWidth(line.text, fontSize, bold)));
		const left = anchor === 'end' ? x0 - width : anchor === 'middle' ? x0 - width / 2 : x0;
		return [
			{
				text: content,
				left,
				right: left + width,
				top: Math.min(...lines.map((line) => line.baseline)) - ascent * fontSize,
				bottom: Math.max(...lines.map((line) => line.baseline)) + descent * fontSize
			}
		];
	});
}

/**
 * Pairs of labels whose boxes overlap by more than a pixel each way, as sentences (none: `[]`), worded as
 * the printed-page check words them.
 */
export function labelOverlaps(svg: Element): string[] {
	const boxes = labelBoxes(svg);
	return boxes.flatMap((a, index) =>
		boxes
			.slice(index + 1)
			.filter(
				(b) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1
			)
			.map((b) => `labels "${a.text}" and "${b.text}" overlap`)
	);
}
