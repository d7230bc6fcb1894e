import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '$lib/engine/engine';
import { overviewPage } from '../../../src/routes/overview-page';
import { demoEngine, demoRows, runPage } from '../../helpers/page';
import { isPublishable, publishedByHand } from '../../helpers/published';

const { referrals, missing_episodes: episodes } = demoRows();
const en = (value: number) => value.toLocaleString('en-GB');
const inWindow = (day: string, from: string, to: string) => day >= from && day <= to;

let engine: Engine;
beforeAll(async () => {
	engine = await demoEngine();
});
afterAll(() => engine?.close());

describe('overview page on the demo extract', () => {
	it('defaults to the latest complete quarter and counts it as the CSV does', async () => {
		const view = await runPage(overviewPage, engine);
		expect(view.windows?.defaulted).toBe(true);
		const { from, to } = view.windows!.current;
		// The demo ends on 15 November 2026: the latest complete quarter is July–September 2026.
		expect([from, to]).toEqual(['2026-07-01', '2026-09-30']);
		const current = referrals.filter((row) => inWindow(row.referral_date!, from, to));
		const byKey = Object.fromEntries(view.headlines.map((headline) => [headline.key, headline]));
		expect(byKey.referrals!.value).toBe(en(current.length));
		expect(byKey.children!.value).toBe(en(new Set(current.map((row) => row.child_id)).size));
		const known = current.filter((row) => row.looked_after === 'true' || row.looked_after === 'false');
		expect(byKey.looked_after_share!.detail).toBe(
			`${en(current.filter((row) => row.looked_after === 'true').length)} of ${en(known.length)} with status recorded`
		);
		const missing = episodes.filter((row) => inWindow(row.start_date!, from, to));
		expect(byKey.episodes!.value).toBe(en(missing.length));
		expect(byKey.episodes!.detail).toBe(`${en(new Set(missing.map((row) => row.child_id)).size)} children`);
		// Every headline has a sparkline and both comparisons.
		for (const headline of view.headlines) {
			expect(headline.sparkline).toBeTypeOf('function');
			expect(headline.comparisons).toHaveLength(2);
		}
	});

	it('tables every month of every district in the district chart, matching the CSV', async () => {
		const view = await runPage(overviewPage, engine);
		const chart = view.districtChart;
		const fenland = chart.rows.filter((row) => row.areaLabel === 'Fenland');
		const counted = referrals.filter(
			(row) => row.district === 'fenland' && row.referral_date!.startsWith('2024-03')
		).length;
		expect(fenland.find((row) => row.period.startsWith('2024-03'))?.value).toBe(counted);
		expect(new Set(chart.rows.map((row) => row.areaLabel)).size).toBe(6);
		expect(chart.title.length).toBeGreaterThan(20);
	});

	it('withholds a small headline count in publication mode, and shows it otherwise', async () => {
		// Girls in Cambridge: a small group in the demo's latest complete quarter (Fenland's girls, used before
		// the planted cohort was added to the demo, now number 6 there).
		const filters = { districts: ['cambridge' as const], genders: ['female' as const] };
		const open = await runPage(overviewPage, engine, { filters });
		const published = await runPage(overviewPage, engine, { filters, publication: true });
		const { from, to } = open.windows!.current;
		const count = referrals.filter(
			(row) =>
				inWindow(row.referral_date!, from, to) && row.district === 'cambridge' && row.gender === 'female'
		).length;
		expect(count).toBeGreaterThanOrEqual(1);
		expect(count).toBeLessThanOrEqual(5);
		const referralsOpen = open.headlines.find((headline) => headline.key === 'referrals')!.value;
		const referralsPublished = published.headlines.find((headline) => headline.key === 'referrals')!.value;
		expect(referralsOpen).toBe(en(count));
		const cell = await publishedByHand(engine, {
			table: 'referral_facts',
			where: `district = 'cambridge' AND gender = 'female' AND referral_date BETWEEN '${from}' AND '${to}'`,
			groups: []
		});
		expect(referralsPublished).toBe(en(cell.get('')!.published));
		expect(isPublishable(cell.get('')!.published)).toBe(true);
		expect(cell.get('')!.published).not.toBe(count);
	});

	it('says there is nothing to compare when the period chosen holds no day of the data', async () => {
		const view = await runPage(overviewPage, engine, { filters: { from: '2030-01-01', to: '2030-03-31' } });
		expect(view.windows).toBeNull();
		expect(view.headlines.every((headline) => headline.value === '–')).toBe(true);
		expect(view.signals.changes).toEqual([]);
	});

	it('notes when missing episodes ignore a filter the referrals honour', async () => {
		const note = 'Missing episodes are filtered by period, district, age and looked-after status only.';
		for (const filters of [{ genders: ['male' as const] }, { repeat: true }]) {
			const view = await runPage(overviewPage, engine, { filters });
			expect(view.signalNotes).toContain(note);
		}
		const unfiltered = await runPage(overviewPage, engine, { filters: { districts: ['fenland'] } });
		expect(unfiltered.signalNotes).not.toContain(note);
	});
});

describe('comparisons under a financial-year filter', () => {
	it('lists each significant change once and counts each comparison once', async () => {
		const view = await runPage(overviewPage, engine, { filters: { from: '2025-04-01', to: '2026-03-31' } });
		// The previous 12 months are the same span as a year earlier: listed once, as the previous period.
		expect(view.windows!.previous).toMatchObject({ from: '2024-04-01', to: '2025-03-31' });
		expect(view.windows!.yearAgo).toBeNull();
		const texts = view.signals.changes.map((signal) => signal.text);
		expect(texts.length).toBeGreaterThan(0);
		expect(new Set(texts).size).toBe(texts.length);
		const subjects = view.signals.changes.map((signal) => `${signal.measure}|${signal.area}`);
		expect(new Set(subjects).size).toBe(subjects.length);
		// Headline measures: 1 comparison each for the whole area, plus 1 per district for those by district.
		const note = view.signalNotes.find((one) => one.includes('period comparisons were made'))!;
		const made = Number(/^(\d+) period comparisons/.exec(note)![1]);
		const quarter = await runPage(overviewPage, engine);
		const quarterNote = quarter.signalNotes.find((one) => one.includes('period comparisons were made'))!;
		// A quarter has two distinct comparisons (previous quarter, a year earlier): twice the year's count.
		expect(Number(/^(\d+) period comparisons/.exec(quarterNote)![1])).toBe(2 * made);
	});
});
