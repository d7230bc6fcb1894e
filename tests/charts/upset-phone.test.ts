// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { upsetChart, type UpsetColumn } from '$lib/charts/upset';
import { textWidth } from '$lib/charts/text-width';
import { indicators } from '$lib/contract/indicators';

const sets = indicators.map((indicator) => indicator.short);
const counts = [208, 27, 20, 17, 16, 14, 13, 11, 11, 11, 11, 10, 10, 9, 8];
const columns: UpsetColumn[] = counts.map((value, index) => ({
	id: String(index + 1),
	members: index === 0 ? [] : sets.slice(index % 12, (index % 12) + 1 + (index % 4)),
	value,
	text: String(value),
	title: ''
}));

/** Groups of text elements, in drawing order (Plot draws each mark, axes first, as a group). */
function textGroups(svg: Element): Element[] {
	return [...svg.querySelectorAll('g')].filter((group) => group.querySelector(':scope > text'));
}

/** Horizontal extent of a text element: its width along the line, or its height when stood upright. */
function span(text: Element, fontSize: number): [number, number] {
	const transform = text.getAttribute('transform') ?? '';
	const [, tx = '0'] = /translate\(([-\d.]+)/.exec(transform) ?? [];
	const x = Number(tx) + Number(text.getAttribute('x') ?? 0);
	const upright = transform.includes('rotate(-90)');
	const half = upright ? fontSize / 2 : textWidth(text.textContent ?? '', fontSize) / 2;
	return [x - half, x + half];
}

describe('UpSet chart on a phone (358 px)', () => {
	const chart = upsetChart(columns, { width: 358, label: 'Combinations', sets, document });
	const [bars, matrix] = [...chart.querySelectorAll(':scope > svg')];

	it('count labels do not overprint each other', () => {
		const group = textGroups(bars!).at(-1)!;
		const labels = [...group.querySelectorAll('text')];
		expect(labels.map((label) => label.textContent)).toEqual(counts.map(String));
		const size = Number(group.getAttribute('font-size') ?? 13);
		const spans = labels.map((label) => span(label, size));
		for (let index = 1; index < spans.length; index++) {
			expect(spans[index]![0]).toBeGreaterThanOrEqual(spans[index - 1]![1]);
		}
	});

	it('every indicator label fits in the left margin, wrapped if need be', () => {
		const ticks = [...textGroups(matrix!)[0]!.querySelectorAll(':scope > text')];
		expect(ticks.map((tick) => tick.textContent?.replace(/\s/g, ''))).toEqual(
			sets.map((set) => set.replace(/\s/g, ''))
		);
		// Tick labels end 8.5 px left of the frame, which starts at the margin.
		const marginLeft = Number(/translate\(([\d.]+)/.exec(ticks[0]!.getAttribute('transform')!)![1]);
		for (const tick of ticks) {
			const lines = tick.querySelectorAll('tspan').length
				? [...tick.querySelectorAll('tspan')].map((line) => line.textContent ?? '')
				: [tick.textContent ?? ''];
			for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(marginLeft - 8.5);
		}
	});
});
