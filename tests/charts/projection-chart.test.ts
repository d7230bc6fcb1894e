// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { projectionSpec } from '$lib/charts/projection-spec';
import { projectCounts, rollingOriginBacktest, type CountSeries } from '$lib/stats/projection';
import { svgSnapshot } from '../helpers/svg-snapshot';

// A growing quarterly series (three years, a seasonal dip in the third quarter), projected 8 quarters.
const series: CountSeries = {
	grain: 'quarter',
	start: '2023-10',
	counts: [20, 24, 27, 19, 28, 30, 34, 24, 35, 38, 44, 31]
};
const names = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const label = (start: string, end: string) =>
	`${names[Number(start.slice(5)) - 1]}–${names[Number(end.slice(5)) - 1]} ${end.slice(0, 4)}`;
const observed = series.counts.map((count, i) => {
	const month = 2023 * 12 + 9 + 3 * i;
	const start = `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
	const end = `${Math.floor((month + 2) / 12)}-${String(((month + 2) % 12) + 1).padStart(2, '0')}`;
	return { start, label: label(start, end), count };
});
const spec = (counts = series.counts) =>
	projectionSpec({
		observed: observed.slice(0, counts.length),
		projection: projectCounts({ ...series, counts }),
		backtest: rollingOriginBacktest({ ...series, counts }),
		labelOf: label,
		noun: 'referrals',
		cohort: 'boys aged 14–17 with drug use and concerning adults'
	});

describe('projection chart (golden SVG)', () => {
	it('draws the counted quarters, the projection and its 80% and 95% bands', async () => {
		const chart = spec().render(800);
		await expect(svgSnapshot(chart)).toMatchFileSnapshot('__snapshots__/projection.svg');
		expect(chart.getAttribute('aria-label')).toMatch(/^Referrals of boys aged 14–17 .* expected/);
	});

	it('draws the counts only when the rule withholds the projection', async () => {
		const withheld = spec([20, 24, 27, 19, 28, 30, 34]);
		expect(withheld.title).toBe(
			'No projection of referrals for boys aged 14–17 with drug use and concerning adults'
		);
		expect(withheld.summary).toMatch(/^Too few periods to project/);
		expect(withheld.rows.every((row) => row.kind === 'Counted')).toBe(true);
		await expect(svgSnapshot(withheld.render(640))).toMatchFileSnapshot(
			'__snapshots__/projection-withheld.svg'
		);
	});

	it('states the finding, the method and the backtest in its text alternative, and tabulates every quarter', () => {
		const shown = spec();
		expect(shown.title).toMatch(
			/^Referrals are growing: about \d+ expected next year, against 148 last year$/
		);
		expect(shown.summary).toContain('growing by about');
		expect(shown.summary).toContain('regression with a log-linear trend and quarter-of-year seasonal terms');
		expect(shown.summary).toMatch(/Tested on past data \(\d+ forecasts from 4 starting points/);
		expect(shown.rows).toHaveLength(12 + 8);
		expect(shown.rows[12]).toMatchObject({ quarter: 'Oct–Dec 2026', kind: 'Projected' });
		expect(shown.columns.map((column) => column.label)).toEqual([
			'Quarter',
			'Counted or projected',
			'Referrals',
			'80% interval lower',
			'80% interval upper',
			'95% interval lower',
			'95% interval upper'
		]);
	});
});
