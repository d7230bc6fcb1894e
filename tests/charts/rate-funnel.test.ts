// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { placeLabels, rateFunnelChart, type FunnelPoint } from '$lib/charts/rate-funnel';
import { textWidth } from '$lib/charts/text-width';
import { funnelCurve, rateFunnelLimits } from '$lib/stats';

const point = (districtLabel: string, population: number, rate: number): FunnelPoint => ({
	district: districtLabel.toLowerCase(),
	districtLabel,
	population,
	rate,
	direction: 'similar',
	significance: 'Similar (within 95% limits)'
});

describe('placeLabels', () => {
	it('keeps labels that would overlap at least a line apart, and anchors right-half labels to the left', () => {
		const size = { xMax: 100, yMax: 50, plotWidth: 1000, plotHeight: 500 };
		const labels = placeLabels([point('A', 40, 20), point('B', 41, 20.2), point('C', 90, 30)], size);
		const a = labels.find((label) => label.point.districtLabel === 'A')!;
		const b = labels.find((label) => label.point.districtLabel === 'B')!;
		const toPixels = (rate: number) => (rate / size.yMax) * size.plotHeight;
		expect(Math.abs(toPixels(a.rate) - toPixels(b.rate))).toBeGreaterThanOrEqual(17 - 1e-9);
		expect(labels.find((label) => label.point.districtLabel === 'C')!.anchor).toBe('end');
		expect(a.anchor).toBe('start');
	});

	it("keeps a label clear of the limit lines' names at the left of the plot", () => {
		// Printed at paper width, a district near the left ran its label over "Partnership" (issue 13).
		const size = { xMax: 300_000, yMax: 37, plotWidth: 560, plotHeight: 376 };
		const partnership = { x: 20_000, y: 22.5, text: 'Partnership', dy: -7 };
		const toTop = (rate: number) => size.plotHeight - (rate / size.yMax) * size.plotHeight;
		const alone = placeLabels([point('Huntingdonshire', 198_000, 22.7)], size)[0]!;
		expect(Math.abs(toTop(alone.rate) - (toTop(22.5) - 7))).toBeLessThan(17);
		const [label] = placeLabels([point('Huntingdonshire', 198_000, 22.7)], {
			...size,
			lineLabels: [partnership]
		});
		expect(Math.abs(toTop(label!.rate) - (toTop(22.5) - 7))).toBeGreaterThanOrEqual(17 - 1e-9);
	});

	it('keeps every label inside a phone-width chart: short wording, and centred above a point if need be', () => {
		// A 390 px screen leaves the plot about 250 px: the full wording ran off both edges.
		const margin = { left: 56, right: 24 };
		const size = { xMax: 300_000, yMax: 35, plotWidth: 250, plotHeight: 376 };
		const points = [
			{ ...point('South Cambridgeshire', 150_000, 15), significance: 'Lower (beyond 99.8% limit)' },
			point('Cambridge', 120_000, 22),
			{ ...point('Peterborough', 280_000, 27), significance: 'Higher (beyond 99.8% limit)' }
		];
		const labels = placeLabels(points, size);
		expect(labels.map((label) => label.text).sort()).toEqual([
			'Cambridge: similar',
			'Peterborough: higher',
			'South Cambridgeshire: lower'
		]);
		for (const label of labels) {
			const x = (label.point.population / size.xMax) * size.plotWidth;
			const width = textWidth(label.text);
			const left =
				label.anchor === 'start' ? x + 11 : label.anchor === 'end' ? x - 11 - width : x - width / 2;
			expect(left).toBeGreaterThanOrEqual(-margin.left);
			expect(left + width).toBeLessThanOrEqual(size.plotWidth + margin.right);
		}
		// A desktop chart keeps the whole wording.
		expect(placeLabels(points, { ...size, plotWidth: 1000 })[0]!.text).toBe(
			'Peterborough: higher (beyond 99.8% limit)'
		);
	});
});

describe('placeLabels, crowded', () => {
	it('leaves out a label pushed more than two lines from its point or below the plot', () => {
		const size = { xMax: 100, yMax: 50, plotWidth: 1000, plotHeight: 500, crowded: true };
		const points = [0, 1, 2, 3, 4].map((index) => point(`Low ${index}`, 40 + index, 1));
		const labels = placeLabels(points, size);
		expect(labels.length).toBeLessThan(points.length);
		expect(labels.every((label) => label.rate >= 0 && label.text.startsWith('Low '))).toBe(true);
	});
});

describe('rateFunnelChart', () => {
	it('renders an accessible SVG with a label per district and both pairs of limits', () => {
		const curve = funnelCurve((population) => rateFunnelLimits(population, 0.0025), {
			from: 5000,
			to: 60_000,
			points: 20
		});
		const chart = rateFunnelChart([point('Fenland', 20_000, 50), point('Cambridge', 25_000, 24)], curve, {
			width: 800,
			label: 'Fenland is higher.',
			populationLabel: 'Children aged 0 to 17 (person-years)',
			document
		});
		expect(chart.getAttribute('role')).toBe('img');
		expect(chart.getAttribute('aria-label')).toBe('Fenland is higher.');
		const texts = [...chart.querySelectorAll('text')].map((node) => node.textContent);
		expect(texts).toContain('Fenland: similar (within 95% limits)');
		expect(texts.filter((text) => text === '99.8% limit')).toHaveLength(2);
		expect(chart.querySelectorAll('path').length).toBeGreaterThanOrEqual(5);
	});

	it('leaves out a lower-limit label that would sit on the axis', () => {
		const curve = funnelCurve((population) => rateFunnelLimits(population, 0.0025), {
			from: 500,
			to: 60_000
		});
		const chart = rateFunnelChart([point('Fenland', 20_000, 50)], curve, {
			width: 800,
			label: 'x',
			populationLabel: 'Children',
			document
		});
		const texts = [...chart.querySelectorAll('text')].map((node) => node.textContent);
		expect(texts.filter((text) => text === '99.8% limit')).toHaveLength(1);
	});

	it('with more than 12 areas names only those outside the 95% limits and those selected, by name', () => {
		const curve = funnelCurve((population) => rateFunnelLimits(population, 0.0025), {
			from: 5000,
			to: 60_000
		});
		const points: FunnelPoint[] = Array.from({ length: 24 }, (_, index) =>
			point(`Area ${index + 1}`, 5000 + index * 2000, 25)
		);
		points[0] = { ...points[0]!, rate: 60, direction: 'higher', significance: 'Higher (beyond 99.8% limit)' };
		const chart = rateFunnelChart(points, curve, {
			width: 800,
			label: 'x',
			populationLabel: 'Children',
			selected: [points[5]!.district],
			document
		});
		const texts = [...chart.querySelectorAll('text')].map((node) => node.textContent ?? '');
		expect(texts.filter((text) => text.startsWith('Area '))).toEqual(['Area 1', 'Area 6']);
	});
});
