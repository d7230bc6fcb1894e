// @vitest-environment jsdom
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '$lib/engine/engine';
import { spcStyle } from '$lib/charts/spc-marks';
import { MIN_SHARE_BASE } from '$lib/publication/share-base';
import { overviewPage } from '../../../src/routes/overview-page';
import { demoEngine, runPage } from '../../helpers/page';

/*
 * Issue 13: what a headline sparkline draws in publication mode. The live publication reader reads tables
 * and text, not SVG, so this reads the drawing back: each point of the value line (and each hollow point)
 * through the chart's own scales to its month and value. The count sparklines draw the perturbed counts the
 * tables show (never a value in 1–5, by the ptable). The two share sparklines drew every month's share, and in
 * a one-district view most months have a published base under 10: shares every table withholds as "c".
 */

interface PlotChart extends SVGSVGElement {
	scale(name: 'x' | 'y'): { invert(pixel: number): number | Date };
}

/** The months and values a sparkline draws: its value line's vertices and its hollow points. */
function drawnPoints(chart: PlotChart): { month: string; value: number }[] {
	const x = chart.scale('x');
	const y = chart.scale('y');
	const pixels: [number, number][] = [];
	for (const path of chart.querySelectorAll(`g[stroke="${spcStyle.value}"] path`))
		for (const match of (path.getAttribute('d') ?? '').matchAll(/(-?[\d.]+),(-?[\d.]+)/g))
			pixels.push([Number(match[1]), Number(match[2])]);
	for (const circle of chart.querySelectorAll('circle'))
		pixels.push([Number(circle.getAttribute('cx')), Number(circle.getAttribute('cy'))]);
	// A point sits on its month's first day; the pixel, rounded to 0.1, inverts to within hours of it.
	return pixels.map(([px, py]) => ({
		month: new Date((x.invert(px) as Date).getTime() + 43_200_000).toISOString().slice(0, 7),
		value: y.invert(py) as number
	}));
}

let engine: Engine;
beforeAll(async () => {
	engine = await demoEngine();
});
afterAll(() => engine?.close());

describe('overview sparklines in publication mode', () => {
	it('draw no share over a published base under 10, and every share drawn as the published counts give it', async () => {
		// Peterborough alone: some months of 10 referrals or more, most fewer.
		const view = await runPage(overviewPage, engine, {
			filters: { districts: ['peterborough'] },
			publication: true
		});
		const months = (
			view.monthRows as {
				referrals: {
					period: string;
					area: string;
					referrals: number;
					under_15: number;
					looked_after: number;
					looked_after_known: number;
				}[];
			}
		).referrals.filter((row) => row.area === 'all');
		const shares = {
			under_15_share: (row: (typeof months)[number]) => [row.under_15, row.referrals],
			looked_after_share: (row: (typeof months)[number]) => [row.looked_after, row.looked_after_known]
		};
		const headlines = view.headlines as { key: string; sparkline?: (width: number) => Element }[];
		for (const [key, parts] of Object.entries(shares)) {
			const bases = new Map(months.map((row) => [row.period.slice(0, 7), parts(row)]));
			const small = [...bases.values()].filter(([, base]) => base! > 0 && base! < MIN_SHARE_BASE);
			// The view must hold both kinds of month, or the check below proves nothing.
			expect(small.length, key).toBeGreaterThan(0);
			expect(small.length, key).toBeLessThan(bases.size);
			const sparkline = headlines.find((headline) => headline.key === key)?.sparkline;
			expect(sparkline, key).toBeTypeOf('function');
			const drawn = drawnPoints(sparkline!(300) as PlotChart);
			expect(drawn.length, key).toBeGreaterThan(0);
			const leaked = drawn.filter(({ month }) => bases.get(month)![1]! < MIN_SHARE_BASE);
			expect(leaked, key).toEqual([]);
			for (const { month, value } of drawn) {
				const [count, base] = bases.get(month)!;
				expect(value, `${key} ${month}`).toBeCloseTo(count! / base!, 3);
			}
		}
		// The count sparklines (repeat_share draws repeat referrals) draw perturbed counts: none in 1–5.
		for (const key of ['referrals', 'children', 'repeat_share', 'episodes']) {
			const sparkline = headlines.find((headline) => headline.key === key)?.sparkline;
			const drawn = drawnPoints(sparkline!(300) as PlotChart).map(({ value }) => Math.round(value));
			expect(drawn.length, key).toBeGreaterThan(0);
			expect(
				drawn.filter((value) => value >= 1 && value <= 5),
				key
			).toEqual([]);
		}
	}, 120_000);
});
