import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { districts, interventionKinds } from '$lib/contract';
import type { Filters } from '$lib/domain/filters';
import type { Engine } from '$lib/engine/engine';
import { formatCount, formatPercent } from '$lib/format/number';
import { planningBars, planningValueLabel } from '../../../../src/routes/cohorts/cohort-demand';
import { cohortsPage } from '../../../../src/routes/cohorts/cohorts-page';
import { demoEngine, demoRows, runPage } from '../../../helpers/page';

/** The commissioner's cohort: boys 14 to 17 with drug use and concerning adults, the last 12 months. */
const commissioner: Filters = {
	from: '2025-11-01',
	to: '2026-10-31',
	genders: ['male'],
	ageFrom: 14,
	ageTo: 17,
	indicators: { conditions: { ind_drugs: 'present', ind_concerning_adults: 'present' }, match: 'all' }
};

type Row = Record<string, string>;
const present = new Set(['low', 'medium', 'high', 'present']);
/** The same cohort read straight from the demo CSV, with plain JavaScript. */
const inCohort = (row: Row) =>
	row.referral_date! >= '2025-11-01' &&
	row.referral_date! <= '2026-10-31' &&
	row.gender === 'male' &&
	Number(row.age_at_referral) >= 14 &&
	Number(row.age_at_referral) <= 17 &&
	present.has(row.ind_drugs!) &&
	present.has(row.ind_concerning_adults!);

const { referrals } = demoRows();
const cohort = referrals.filter(inCohort);
const byDistrict = (rows: Row[]) =>
	Object.fromEntries(
		districts.codes.map((code) => {
			const own = rows.filter((row) => row.district === code);
			return [code, { referrals: own.length, children: new Set(own.map((row) => row.child_id)).size }];
		})
	);

/** Referrals of a cohort over every whole month of the demo (to October 2026), by the CSV. */
const referrals_in = (filters: Filters) =>
	referrals.filter(
		(row) =>
			inCohort({ ...row, referral_date: '2026-01-01' }) &&
			row.referral_date! <= '2026-10-31' &&
			(filters.districts ?? []).includes(row.district as never)
	).length;

let engine: Engine;
beforeAll(async () => {
	engine = await demoEngine();
});
afterAll(() => engine?.close());

describe("the commissioner's cohort on the demo extract", () => {
	it('counts referrals and children per district as the CSV does', async () => {
		const view = await runPage(cohortsPage, engine, { filters: commissioner });
		const expected = byDistrict(cohort);
		const shown = Object.fromEntries(
			view.districtChart!.rows.map((row) => [
				row.district,
				{ referrals: row.referrals, children: row.children }
			])
		);
		expect(shown).toEqual(expected);
		// A small fraction of the nearest old view (boys 13 to 17), and not empty.
		expect(cohort.length).toBeGreaterThan(20);
		expect(cohort.length).toBeLessThan(referrals.filter((row) => row.gender === 'male').length / 5);
		const headline = (label: string) => view.headlines.find((one) => one.label === label)!.value;
		expect(headline('Referrals')).toBe(cohort.length.toLocaleString('en-GB'));
		expect(headline('Children')).toBe(
			new Set(cohort.map((row) => row.child_id)).size.toLocaleString('en-GB')
		);
	});

	it('divides each district by the boys aged 14 to 17 of the population reference', async () => {
		const view = await runPage(cohortsPage, engine, { filters: commissioner });
		expect(view.population).toEqual({ ages: [14, 15, 16, 17], bands: [], sex: 'male', wider: [] });
		// Person-years read straight from the reference CSV: boys aged 14 to 17 in mid-2025 for 61 of 365 days
		// (November and December 2025) and in mid-2026 for 304 of 365 (January to October 2026).
		const reference = Papa.parse<Row>(readFileSync('data/reference/district-population.csv', 'utf8'), {
			header: true,
			skipEmptyLines: true
		}).data;
		const boys = (district: string, year: string) =>
			reference
				.filter(
					(row) =>
						row.district === district &&
						row.year === year &&
						row.sex === 'male' &&
						Number(row.age) >= 14 &&
						Number(row.age) <= 17
				)
				.reduce((sum, row) => sum + Number(row.children), 0);
		for (const row of view.districtChart!.rows) {
			const personYears = (boys(row.district, '2025') * 61 + boys(row.district, '2026') * 304) / 365;
			expect(row.personYears).toBeCloseTo(personYears, 6);
			// Every referral of the cohort is a boy aged 14 to 17, so all of them are counted in the rate.
			expect(row.counted).toBe(row.referrals);
			expect(row.rate).toBeCloseTo((row.referrals! / personYears) * 10_000, 9);
			expect(row.lower!).toBeLessThanOrEqual(row.rate!);
		}
		expect(view.districtChart!.title).toMatch(/referrals a year per 10,000 boys aged 14–17$/);
		expect(view.districtChart!.caption).toContain('the rate per 10,000 boys aged 14–17');
		expect(view.districtChart!.caption).toContain("The population matches the cohort's sex and ages.");
	});

	it('says when a cohort is compared with a wider population than its own', async () => {
		// Gender not recorded: the reference has no such population, so all children of the cohort's ages.
		const view = await runPage(cohortsPage, engine, {
			filters: { ...commissioner, genders: ['male', 'not_recorded'], ageBands: ['17', '18-24'] }
		});
		expect(view.population).toEqual({ ages: [17], bands: [], sex: undefined, wider: [] });
		expect(view.districtChart!.caption).toContain('the rate per 10,000 children aged 17');
		const adults = await runPage(cohortsPage, engine, { filters: { ageBands: ['18-24'] } });
		expect(adults.districtChart!.caption).toContain(
			'Only a wider population than the cohort was available: the cohort has no children aged 0 to 17'
		);
	});

	it('counts interventions by kind, referrals and distinct children, as the CSV does', async () => {
		const view = await runPage(cohortsPage, engine, { filters: commissioner });
		const recorded = cohort.filter((row) => row.intervention !== '');
		for (const kind of interventionKinds.codes) {
			const own = cohort.filter((row) => row.intervention === kind);
			const row = view.kindChart.rows.find((one) => one.intervention === kind)!;
			expect([row.referrals, row.children]).toEqual([
				own.length,
				new Set(own.map((one) => one.child_id)).size
			]);
			expect(row.share).toBeCloseTo(own.length / recorded.length, 12);
		}
		const blank = view.kindChart.rows.find((one) => one.intervention === 'not_recorded')!;
		expect(blank.referrals).toBe(cohort.length - recorded.length);
		// By district: the same counts split by the child's district, with a share beside every count.
		for (const row of view.districtKindChart.rows) {
			const own = cohort.filter((one) => one.district === row.group && one.intervention === row.intervention);
			expect(row.referrals).toBe(own.length);
			expect(row.children).toBe(new Set(own.map((one) => one.child_id)).size);
		}
		const quarters = view.quarterKindChart.rows.reduce((sum, row) => sum + (row.referrals ?? 0), 0);
		expect(quarters).toBe(recorded.length);
	});

	it('publishes each kind of intervention perturbed in publication mode, never withheld as 0', async () => {
		const view = await runPage(cohortsPage, engine, { filters: commissioner, publication: true });
		for (const kind of interventionKinds.codes) {
			const own = cohort.filter((row) => row.intervention === kind);
			const row = view.kindChart.rows.find((one) => one.intervention === kind)!;
			const children = new Set(own.map((one) => one.child_id)).size;
			// The ptable moves a count of 8 or more by at most 2 (publication/ptable.ts).
			expect(Math.abs(row.referrals! - own.length)).toBeLessThanOrEqual(own.length >= 8 ? 2 : 6);
			expect(Math.abs(row.children! - children)).toBeLessThanOrEqual(children >= 8 ? 2 : 6);
		}
		const grouped = view.districtKindChart.rows.reduce((sum, row) => sum + (row.referrals ?? 0), 0);
		expect(grouped).toBeGreaterThan(0);
	});

	it('adds the monthly series up to the cohort, and profiles its indicators', async () => {
		const view = await runPage(cohortsPage, engine, { filters: commissioner });
		// The series run over the cohort's whole history up to the period's end, to judge growth against it.
		const rows = view.referralChart!.rows;
		expect(rows[0]!.period).toBe('2021-11-01');
		expect(rows.at(-1)!.period).toBe('2026-10-01');
		expect(rows).toHaveLength(60);
		const within = rows.filter((row) => row.period >= '2025-11-01');
		expect(within.reduce((sum, row) => sum + (row.value ?? 0), 0)).toBe(cohort.length);
		const history = referrals.filter(
			(row) => inCohort({ ...row, referral_date: '2026-01-01' }) && row.referral_date! <= '2026-10-31'
		);
		expect(rows.reduce((sum, row) => sum + (row.value ?? 0), 0)).toBe(history.length);
		const drugs = view.indicatorChart.rows.find((row) => row.indicator === 'ind_drugs')!;
		expect(drugs.share).toBe(1);
		const missing = view.indicatorChart.rows.find((row) => row.indicator === 'ind_missing')!;
		const assessed = cohort.filter((row) => row.ind_missing !== 'not_assessed' && row.ind_missing !== '');
		expect([missing.present, missing.assessed]).toEqual([
			assessed.filter((row) => present.has(row.ind_missing!)).length,
			assessed.length
		]);
		expect(view.indicatorChart.title).toMatch(/^Besides the indicators that define it, /);
		const quarterly = await runPage(cohortsPage, engine, { filters: commissioner, grain: 'quarter' });
		expect(quarterly.childChart!.rows.length).toBeGreaterThanOrEqual(4);
	});

	it('shows re-referral with its counts only when enough children were followed up', async () => {
		// The last 12 months leave almost no one a year of follow-up: no share, and the card says why.
		const recent = await runPage(cohortsPage, engine, { filters: commissioner });
		const recentCard = recent.headlines.find((one) => one.label.startsWith('Referred again'))!;
		expect(recentCard.value).toBe('–');
		expect(recentCard.detail).toMatch(/^too few followed up for 12 months \(\d+ child(ren)?\)$/);
		expect(recent.outcomeChart.title).toBe(
			"Too few of the cohort's children have 12 months of follow-up to judge re-referral"
		);
		// The same cohort over the whole data has enough: the share, with the counts beside it.
		const whole = await runPage(cohortsPage, engine, {
			filters: { ...commissioner, from: undefined, to: undefined }
		});
		const any = whole.outcomeChart.rows.find((row) => row.intervention === 'any')!;
		expect(any.children).toBeGreaterThanOrEqual(20);
		const card = whole.headlines.find((one) => one.label.startsWith('Referred again'))!;
		expect(card.value).toBe(formatPercent(any.share!));
		expect(card.detail).toBe(`${any.re_referred} of ${any.children} children followed up`);
		expect(whole.outcomeChart.title).toContain(`(${any.re_referred} of ${any.children} followed up)`);
	});

	it("projects the planted cohort's growth, and plans children per intervention kind", async () => {
		// The demo generator plants +50% a year in boys 14–17 with drug use and concerning adults in
		// Huntingdonshire and East Cambridgeshire (data/generator/planted-cohort.ts).
		const planted: Filters = {
			...commissioner,
			districts: ['east_cambridgeshire', 'huntingdonshire']
		};
		const started = performance.now();
		const view = await runPage(cohortsPage, engine, { filters: planted });
		const projection = view.childDemand!.projection;
		const referrals = view.referralDemand!.projection;
		expect(referrals.kind).toBe('projected');
		if (referrals.kind !== 'projected') return;
		expect(referrals.growth.lower95).toBeGreaterThan(0);
		expect(referrals.growth.upper95).toBeGreaterThan(0.5);
		expect(view.referralProjectionChart!.title).toMatch(
			/^Referrals are growing: about \d+ expected next year/
		);
		// The series it projects is the CSV's, month by month, November 2021 to October 2026.
		const months = view.referralDemand!.observed.reduce((sum, block) => sum + block.count, 0);
		const counted = referrals.fitPeriods;
		expect(counted).toBe(36);
		const history = referrals_in(planted);
		expect(months).toBe(history);
		// Children per kind next year: the projected total split by the period's mix, summing to it.
		if (projection.kind === 'projected') {
			const planning = view.planningChart!.rows;
			expect(planning.map((row) => row.kind)).toEqual([...interventionKinds.codes]);
			const total = planning.reduce((sum, row) => sum + row.point, 0);
			expect(total).toBeCloseTo(projection.nextYear.point, 6);
			for (const row of planning) expect(row.lower95).toBeLessThanOrEqual(row.point);
			// One interval on the chart: whiskers and labels give the 80% interval, and the axis title says so.
			const bars = planningBars(planning);
			expect(bars.map((bar) => [bar.lower, bar.upper])).toEqual(
				planning.map((row) => [row.lower80, row.upper80])
			);
			for (const [i, bar] of bars.entries())
				expect(bar.text).toBe(
					`${formatCount(Math.round(planning[i]!.point))} (${formatCount(Math.round(planning[i]!.lower80))} to ${formatCount(Math.round(planning[i]!.upper80))})`
				);
			expect(planningValueLabel).toBe('Children expected next year (80% interval)');
			expect(view.planningChart!.caption).toContain('whisker and label give the 80% interval');
		}
		// Fitting, simulating and backtesting two series stays within a page's patience.
		expect(performance.now() - started).toBeLessThan(20_000);
	});

	it('withholds small district counts in publication mode', async () => {
		const view = await runPage(cohortsPage, engine, { filters: commissioner, publication: true });
		const small = view.districtChart!.rows.filter((row) => row.referrals === null);
		const expected = byDistrict(cohort);
		const tiny = Object.values(expected).filter((one) => one.referrals >= 1 && one.referrals <= 5).length;
		expect(small.length).toBeGreaterThanOrEqual(tiny);
		for (const row of small) {
			expect(row.rate).toBeNull();
			expect(row.suppressed?.referrals).toBe('c');
		}
	});
});
