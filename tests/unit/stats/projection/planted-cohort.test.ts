import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { projectCounts, rollingOriginBacktest, type CountSeries } from '$lib/stats/projection';
import { PLANTED_COHORT_DISTRICTS, PLANTED_COHORT_GROWTH } from '../../../../data/generator/planted-cohort';

/**
 * The demo's planted cohort (data/generator/planted-cohort.ts: referrals growing 50% a year), counted from the
 * demo CSV in plain JavaScript as the filter bar defines it: boys aged 14–17, drug use and concerning adults
 * present at any level, in Huntingdonshire and East Cambridgeshire. Complete months only: November 2021 to
 * October 2026 (the extract is taken on 15 November). Months rather than quarters, as the page should give
 * it: with 36 periods in the fit window the dispersion has 31 degrees of freedom, not 7, and the intervals
 * are the narrower for it (from quarters the same counts are withheld as too noisy: next year's 80%
 * interval would run from 66 to 199 around 114).
 */
const rows = Papa.parse<Record<string, string>>(
	readFileSync(new URL('../../../../data/demo/referrals.csv', import.meta.url), 'utf8'),
	{ header: true, skipEmptyLines: true }
).data;
const present = (level: string | undefined) => ['present', 'low', 'medium', 'high'].includes(level ?? '');
const cohort = rows.filter(
	(row) =>
		row.gender === 'male' &&
		Number(row.age_at_referral) >= 14 &&
		Number(row.age_at_referral) <= 17 &&
		present(row.ind_drugs) &&
		present(row.ind_concerning_adults) &&
		(PLANTED_COHORT_DISTRICTS as readonly string[]).includes(row.district ?? '')
);
const months = Array.from({ length: 60 }, (_, i) => {
	const index = 2021 * 12 + 10 + i;
	return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
});
const series: CountSeries = {
	grain: 'month',
	start: '2021-11',
	counts: months.map((month) => cohort.filter((row) => row.referral_date?.startsWith(month)).length)
};

describe('the projection on the demo’s planted cohort', () => {
	const projection = projectCounts(series);

	it('projects it, and its growth interval excludes zero and contains the planted 50% a year', () => {
		expect(series.counts.reduce((a, b) => a + b, 0)).toBeGreaterThan(150);
		expect(projection.kind).toBe('projected');
		if (projection.kind !== 'projected') return;
		expect(projection.growth.lower95).toBeGreaterThan(0);
		expect(projection.growth.lower95).toBeLessThan(PLANTED_COHORT_GROWTH);
		expect(projection.growth.upper95).toBeGreaterThan(PLANTED_COHORT_GROWTH);
		// Next year's projection is above the last year's count: the growth carries forward.
		const lastYear = series.counts.slice(-12).reduce((a, b) => a + b, 0);
		expect(projection.nextYear.point).toBeGreaterThan(lastYear);
	});

	it('is more accurate out of sample than the seasonal-naive forecast', () => {
		const backtest = rollingOriginBacktest(series)!;
		expect(backtest.origins).toBe(60 - 24);
		expect(backtest.mase).toBeLessThan(backtest.benchmarkMase);
	});
});
