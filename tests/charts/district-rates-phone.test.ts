// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { districtRatesChart, type DistrictRatePoint } from '$lib/charts/district-rates';
import { textWidth } from '$lib/charts/text-width';

const districts = ['Cambridge', 'East Cambridgeshire', 'Fenland', 'Huntingdonshire', 'South Cambridgeshire'];
const points: DistrictRatePoint[] = ['Aged 0 to 17', 'Aged 10 to 17'].flatMap((ages, band) =>
	districts.map((district, index) => {
		const rate = (20 + index) * (band + 2);
		return {
			district,
			districtLabel: district,
			ages,
			rate,
			lower: rate - 3,
			upper: rate + 3,
			partnership: 48 * (band + 1),
			significance: ''
		};
	})
);

/** An SVG length in pixels; em at the charts' 13 px. */
function length(value: string | null): number {
	if (value === null) return 0;
	return value.endsWith('em') ? parseFloat(value) * 13 : Number(value);
}

/** Where an element's text starts, from its own and its ancestors' translate(x, y) and x, y attributes. */
function origin(element: Element): [number, number] {
	let [x, y] = [0, 0];
	for (let node: Element | null = element; node && node.tagName !== 'svg'; node = node.parentElement) {
		const match = /translate\(([-\d.]+),\s*([-\d.]+)\)/.exec(node.getAttribute('transform') ?? '');
		if (match) [x, y] = [x + Number(match[1]), y + Number(match[2])];
		x += length(node.getAttribute('x'));
		y += length(node.getAttribute('y'));
	}
	return [x, y];
}

/** The box [left, top, right, bottom] of a 13 px label, from its text-anchor (inherited). */
function box(text: Element): [number, number, number, number] {
	const [x, y] = origin(text);
	const width = textWidth(text.textContent ?? '');
	const anchor = text.closest('[text-anchor]')?.getAttribute('text-anchor') ?? 'start';
	const left = anchor === 'end' ? x - width : anchor === 'middle' ? x - width / 2 : x;
	return [left, y - 13, left + width, y];
}

describe('district rates on a phone (358 px)', () => {
	const chart = districtRatesChart(points, { width: 358, label: 'Rates', document });
	const texts = [...chart.querySelectorAll('text')];
	const find = (pattern: RegExp) => texts.filter((text) => pattern.test(text.textContent ?? ''));

	it('the two panel headings do not overprint each other or the partnership labels', () => {
		const labels = [...find(/^Aged /), ...find(/^Partnership /)].map(box);
		expect(labels).toHaveLength(4);
		for (const [index, a] of labels.entries()) {
			for (const b of labels.slice(index + 1)) {
				const apart = a[2] <= b[0] || b[2] <= a[0] || a[3] <= b[1] || b[3] <= a[1];
				expect(apart, `${a.join()} / ${b.join()}`).toBe(true);
			}
		}
	});

	it('the partnership labels stay inside the chart', () => {
		for (const label of find(/^Partnership /).map(box)) {
			expect(label[0]).toBeGreaterThanOrEqual(0);
			expect(label[2]).toBeLessThanOrEqual(358);
		}
	});

	it('each partnership label stands clear of its panel’s top line, a line below the panel heading', () => {
		const frames = [...chart.querySelectorAll('rect[fill="none"]')].map((rect) => origin(rect)[1]);
		const labels = find(/^Partnership /);
		const headings = find(/^Aged /);
		expect(labels).toHaveLength(2);
		for (const [index, label] of labels.entries()) {
			// Baselines (no hanging offset): descenders reach about 3 px below, capitals about 10 px above.
			expect(label.getAttribute('y')).toBeNull();
			const baseline = origin(label)[1];
			expect(frames[index]! - baseline, 'gap above the top line').toBeGreaterThanOrEqual(6);
			expect(baseline - origin(headings[index]!)[1], 'gap below the heading').toBeGreaterThanOrEqual(16);
		}
	});
});
