import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { districts } from '$lib/contract';
import type { Engine } from '$lib/engine/engine';
import { formatCount, formatDecimal } from '$lib/format/number';
import { districtsPage } from '../../../../src/routes/districts/districts-page';
import { engineWith } from '../../../helpers/engine';
import { isPublishable, publishedByHand } from '../../../helpers/published';
import { demoEngine, demoRows, runPage } from '../../../helpers/page';

const { referrals } = demoRows();
type Row = Record<string, string>;
const inPeriod = (rows: Row[], from: string, to: string) =>
	rows.filter((row) => row.referral_date! >= from && row.referral_date! <= to);

let engine: Engine;
beforeAll(async () => {
	engine = await demoEngine();
});
afterAll(() => engine?.close());

describe('districts page on the demo extract', () => {
	it('compares every district over the whole extract, counted as the CSV counts', async () => {
		const view = await runPage(districtsPage, engine);
		expect(view.period).toEqual({ from: '2021-11-01', to: '2026-11-15' });
		const rows = view.comparison.rows;
		expect(rows.map((row) => row.district).sort()).toEqual([...districts.codes].sort());
		for (const row of rows) {
			const own = referrals.filter((one) => one.district === row.district);
			const young = own.filter((one) => Number(one.age_at_referral) <= 17);
			expect([row.referrals, row.children, row.referrals_0_17]).toEqual([
				own.length,
				new Set(own.map((one) => one.child_id)).size,
				young.length
			]);
			expect(row.rate_0_17).toBeCloseTo((young.length / row.person_years_0_17) * 10_000, 9);
		}
		expect(view.ratesChart.rows).toBe(rows);
		expect(view.ratesChart.caption).toContain('1 November 2021 to 15 November 2026');
		expect(view.ratesChart.caption).not.toContain('narrow the referrals counted');
		const total = referrals.filter((one) => Number(one.age_at_referral) <= 17).length;
		expect(view.partnershipLine).toMatch(
			new RegExp(
				`^Partnership: ${formatCount(total)} referrals aged 0 to 17, [0-9.]+ per 10,000 children a year; [0-9.]+ per 10,000 aged 10 to 17\\.$`
			)
		);
		expect(view.partnershipLine).toContain(formatDecimal(view.comparison.baseline_0_17!));
	});

	it('marks chosen districts without filtering them out, and sets the age filter aside', async () => {
		const all = await runPage(districtsPage, engine);
		const view = await runPage(districtsPage, engine, {
			filters: { districts: ['fenland'], ageBands: ['0-9'] }
		});
		expect(view.comparison.rows.filter((row) => row.selected).map((row) => row.district)).toEqual([
			'fenland'
		]);
		expect(view.comparison.rows.map((row) => row.referrals)).toEqual(
			all.comparison.rows.map((row) => row.referrals)
		);
		expect(view.spcChart.rows).toEqual(all.spcChart.rows);
	});

	it('charts every month of every district and shades a chosen period', async () => {
		const view = await runPage(districtsPage, engine);
		expect(view.incompleteMonth).toBe('2026-11-01');
		expect(view.periodStartMonth).toBeUndefined();
		const points = view.spcChart.rows;
		const months = new Set(points.map((point) => point.month));
		// November 2021 to November 2026.
		expect(months.size).toBe(61);
		expect(points).toHaveLength(61 * 6);
		const point = points.find((one) => one.key === 'cambridge' && one.month.startsWith('2024-05'))!;
		expect(point.value).toBe(
			referrals.filter((one) => one.district === 'cambridge' && one.referral_date!.startsWith('2024-05'))
				.length
		);
		expect(view.spcChart.caption).toContain('November 2026 is not complete');

		const year = await runPage(districtsPage, engine, { filters: { from: '2025-01-01', to: '2025-12-31' } });
		expect(year.periodStartMonth).toBe('2025-01-01');
		expect(year.incompleteMonth).toBeUndefined();
		expect(year.spcChart.caption).toContain('the selected period, from January 2025, is shaded');
		expect(new Set(year.spcChart.rows.map((one) => one.month)).size).toBe(50);
		const fenland = year.comparison.rows.find((row) => row.district === 'fenland')!;
		expect(fenland.referrals).toBe(
			inPeriod(referrals, '2025-01-01', '2025-12-31').filter((one) => one.district === 'fenland').length
		);
	});

	it('notes filters that narrow the referrals but not the population', async () => {
		const view = await runPage(districtsPage, engine, { filters: { genders: ['female'] } });
		expect(view.ratesChart.caption).toContain(
			'Gender, ethnicity, looked-after, risk and source filters narrow the referrals counted, not the population.'
		);
		const looked = await runPage(districtsPage, engine, { filters: { lookedAfter: true } });
		expect(looked.ratesChart.caption).toContain('narrow the referrals counted');
	});

	it('withholds small counts in publication mode and says so', async () => {
		const filters = { from: '2026-10-01', to: '2026-10-31', genders: ['female' as const] };
		const counted = districts.codes.map(
			(code) =>
				inPeriod(referrals, filters.from, filters.to).filter(
					(one) => one.district === code && one.gender === 'female'
				).length
		);
		expect(counted.some((count) => count >= 1 && count <= 5)).toBe(true);
		const open = await runPage(districtsPage, engine, { filters });
		const published = await runPage(districtsPage, engine, { filters, publication: true });
		expect(open.comparison.rows.map((row) => row.referrals)).toEqual(
			open.comparison.rows.map((row) => counted[districts.codes.indexOf(row.district as never)])
		);
		const byHand = await publishedByHand(engine, {
			table: 'referral_facts',
			where: `gender = 'female' AND referral_date BETWEEN '${filters.from}' AND '${filters.to}'`,
			groups: ['district']
		});
		for (const row of published.comparison.rows) {
			expect(row.referrals).toBe(byHand.get(row.district)?.published ?? 0);
			expect(isPublishable(row.referrals)).toBe(true);
		}
		expect(open.spcChart.caption).not.toContain('Publication mode');
	});
});

describe('districts page with no data loaded', () => {
	let empty: Engine;
	beforeAll(async () => {
		empty = await engineWith({});
	});
	afterAll(() => empty?.close());

	it('asks nothing and shows empty charts with generic captions', async () => {
		const view = await runPage(districtsPage, empty);
		expect(view.period).toBeUndefined();
		expect(view.rates.rows).toBeUndefined();
		expect(view.monthly.rows).toBeUndefined();
		expect(view.comparison.rows).toEqual([]);
		expect(view.partnershipLine).toBeUndefined();
		expect(view.spcChart.rows).toEqual([]);
		expect(view.spcChart.caption).toContain('from the start of the data to the end,');
		expect(view.ratesChart.caption).toContain(
			'Child populations are illustrative estimates, not ONS figures.'
		);
	});
});
