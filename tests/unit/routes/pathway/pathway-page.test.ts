import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ageBandRanges, ageBands, pathwayStages } from '$lib/contract';
import { evaluatePage } from '$lib/page/define-page';
import { dataExtent, type DataExtent } from '$lib/sql/metrics/data-extent';
import { rereferralAfterIntervention } from '$lib/sql/metrics/pathway/rereferral-after-intervention';
import type { Engine } from '$lib/engine/engine';
import { formatPercent } from '$lib/format/number';
import { pathwayPage } from '../../../../src/routes/pathway/pathway-page';
import { engineWith, referral } from '../../../helpers/engine';
import { demoEngine, demoRows, pageContext, runPage } from '../../../helpers/page';
import { isPublishable, publishedByHand } from '../../../helpers/published';

const { referrals } = demoRows();
const en = (value: number) => value.toLocaleString('en-GB');
type Row = Record<string, string>;
const stageAt = (row: Row) => pathwayStages.codes.indexOf(row.pathway_stage as never);
/** Referrals whose furthest stage is `stage` or later, of those with a stage recorded. */
const reaching = (rows: Row[], stage: string) => {
	const recorded = rows.filter((row) => row.pathway_stage !== '');
	const index = pathwayStages.codes.indexOf(stage as never);
	return { reached: recorded.filter((row) => stageAt(row) >= index).length, recorded: recorded.length };
};
const headline = (
	view: { headlines: { label: string; value: string; detail?: string | undefined }[] },
	label: string
) => view.headlines.find((one) => one.label === label)!;

let engine: Engine;
beforeAll(async () => {
	engine = await demoEngine();
});
afterAll(() => engine?.close());

describe('pathway page on the demo extract', () => {
	it('heads the page with the counts and shares of the CSV', async () => {
		const view = await runPage(pathwayPage, engine);
		expect(headline(view, 'Referrals').value).toBe(en(referrals.length));
		const mase = reaching(referrals, 'mase_discussed');
		expect(headline(view, 'Discussed at MASE').value).toBe(formatPercent(mase.reached / mase.recorded));
		expect(headline(view, 'Discussed at MASE').detail).toBe(`${en(mase.reached)} referrals`);
		const recorded = referrals.filter((row) => row.intervention !== '');
		const some = recorded.filter((row) => row.intervention !== 'none');
		expect(headline(view, 'With an intervention').value).toBe(formatPercent(some.length / recorded.length));
		expect(headline(view, 'With an intervention').detail).toBe(
			`of ${en(recorded.length)} with the intervention recorded`
		);
		const nrmKnown = referrals.filter((row) => row.nrm_referral !== '');
		const nrm = nrmKnown.filter((row) => row.nrm_referral === 'true');
		expect(headline(view, 'NRM referral').value).toBe(formatPercent(nrm.length / nrmKnown.length));
		expect(headline(view, 'NRM referral').detail).toBe(
			`${en(nrm.length)} of ${en(nrmKnown.length)} referrals`
		);
		// Every share on the card comes with the counts behind it.
		const again = headline(view, 'Referred again within 12 months of an intervention');
		const [, part, whole] = /^([\d,]+) of ([\d,]+) children followed up$/.exec(again.detail ?? '') ?? [];
		expect(part && whole).toBeTruthy();
		expect(again.value).toBe(formatPercent(Number(part!.replace(',', '')) / Number(whole!.replace(',', ''))));
	});

	it('tables the funnel stage by stage as the CSV counts it', async () => {
		const view = await runPage(pathwayPage, engine);
		const chart = view.funnelChart;
		expect(chart.rows.map((row) => row.stage)).toEqual([...pathwayStages.codes]);
		for (const row of chart.rows) {
			const counted = reaching(referrals, row.stage);
			expect([row.reached, row.recorded]).toEqual([counted.reached, counted.recorded]);
		}
		expect(chart.caption).toContain('Referrals by the furthest stage of the pathway they reached');
		expect(chart.title.length).toBeGreaterThan(20);
	});

	it('keeps every district in the district chart when one district is chosen', async () => {
		const all = await runPage(pathwayPage, engine);
		const fenland = await runPage(pathwayPage, engine, { filters: { districts: ['fenland'] } });
		expect(headline(fenland, 'Referrals').value).toBe(
			en(referrals.filter((row) => row.district === 'fenland').length)
		);
		expect(fenland.districtChart.rows).toEqual(all.districtChart.rows);
		const peterborough = fenland.districtChart.rows.find(
			(row) => row.group === 'peterborough' && row.stage === 'mase_discussed'
		)!;
		const counted = reaching(
			referrals.filter((row) => row.district === 'peterborough'),
			'mase_discussed'
		);
		expect([peterborough.reached, peterborough.recorded]).toEqual([counted.reached, counted.recorded]);
		expect(new Set(fenland.districtChart.rows.map((row) => row.groupLabel)).size).toBe(6);
	});

	it('counts each quarter and marks only the incomplete latest one', async () => {
		const view = await runPage(pathwayPage, engine);
		// The demo ends on 15 November 2026, within October–December 2026.
		expect(view.lastQuarter).toBe('2026-10-01');
		const incomplete = view.quarterPoints.filter((point) => point.incomplete);
		expect(new Set(incomplete.map((point) => point.period))).toEqual(new Set(['2026-10-01']));
		expect(view.quarterChart.caption).toContain('October–December 2026 is not complete');
		const inQuarter = referrals.filter(
			(row) => row.referral_date! >= '2025-04-01' && row.referral_date! <= '2025-06-30'
		);
		const point = view.quarterPoints.find(
			(one) => one.period === '2025-04-01' && one.series === 'central_list'
		)!;
		const counted = reaching(inQuarter, 'central_list');
		expect([point.numerator, point.denominator]).toEqual([counted.reached, counted.recorded]);

		const complete = await runPage(pathwayPage, engine, { filters: { to: '2026-09-30' } });
		expect(complete.lastQuarter).toBeUndefined();
		expect(complete.quarterPoints.some((one) => one.incomplete)).toBe(false);
		expect(complete.quarterChart.caption).not.toContain('is not complete');
	});

	it('shares out intervention kinds by age band and NRM referrals by quarter as the CSV does', async () => {
		const filters = { from: '2025-01-01', to: '2025-12-31' };
		const view = await runPage(pathwayPage, engine, { filters });
		const inYear = referrals.filter(
			(row) => row.referral_date! >= filters.from && row.referral_date! <= filters.to
		);
		expect(view.ageChart.caption).toContain('1 January 2025');
		const band = ageBands.codes[3]!;
		const [low, high] = ageBandRanges[band];
		const inBand = inYear.filter(
			(row) => Number(row.age_at_referral) >= low && Number(row.age_at_referral) <= high
		);
		const disrupt = view.ageChart.rows.find((row) => row.group === band && row.intervention === 'disrupt')!;
		const disrupted = inBand.filter((row) => row.intervention === 'disrupt').length;
		expect(disrupt.referrals).toBe(disrupted);
		expect(disrupt.share).toBeCloseTo(disrupted / inBand.filter((row) => row.intervention !== '').length, 12);

		const q3 = view.nrmPoints.find((point) => point.period === '2025-07-01')!;
		const inQ3 = inYear.filter(
			(row) => row.referral_date! >= '2025-07-01' && row.referral_date! <= '2025-09-30'
		);
		expect([q3.nrm, q3.recorded]).toEqual([
			inQ3.filter((row) => row.nrm_referral === 'true').length,
			inQ3.filter((row) => row.nrm_referral !== '').length
		]);
	});

	it('leads the re-referral chart with any intervention, the kinds summed', async () => {
		const view = await runPage(pathwayPage, engine);
		const rows = view.rereferralChart.rows;
		expect(rows.map((row) => row.intervention)).toEqual(['any', 'deter', 'understand', 'disrupt', 'none']);
		const kinds = rows.filter((row) => ['deter', 'understand', 'disrupt'].includes(row.intervention));
		expect(rows[0]!.children).toBe(kinds.reduce((sum, row) => sum + row.children!, 0));
		expect(rows[0]!.re_referred).toBe(kinds.reduce((sum, row) => sum + row.re_referred!, 0));
		expect(headline(view, 'Referred again within 12 months of an intervention').value).toBe(
			formatPercent(rows[0]!.re_referred! / rows[0]!.children!)
		);
	});

	it('shows the re-referral chart and card as waiting, not as "none followed up", before their answer', async () => {
		const [extent] = await engine.query<DataExtent>(dataExtent());
		const unanswered = rereferralAfterIntervention({}).text;
		const view = await evaluatePage(
			pathwayPage,
			pageContext(extent),
			// Every query answered but the re-referral one, whose rows stay undefined as while the engine works
			// on it (evaluatePage awaits each answer in turn, so it fails rather than never arriving).
			(query) => (query.text === unanswered ? Promise.reject(new Error('not yet')) : engine.query(query))
		);
		expect(view.rereferralCounts.rows).toBeUndefined();
		expect(view.rereferralChart.rows).toEqual([]);
		expect(headline(view, 'Referred again within 12 months of an intervention').value).toBe('…');
	});

	it('says why the re-referral chart is empty for the latest quarter, and draws an earlier one', async () => {
		const last = referrals
			.map((row) => row.referral_date!)
			.sort()
			.at(-1);
		expect(last).toBe('2026-11-15');
		const latest = await runPage(pathwayPage, engine, { filters: { from: '2026-07-01', to: '2026-09-30' } });
		expect(latest.rereferralChart.rows.every((row) => row.children === 0)).toBe(true);
		expect(latest.rereferralChart.empty).toBe(
			'Re-referral within 12 months cannot be known yet for July–September 2026: the first children referred then reach 12 months in July 2027. The latest quarter with a full year of follow-up is July–September 2025.'
		);
		// The summary above the chart gives the same reason, not "no children match the current filters".
		expect(latest.rereferralChart.summary).toBe(latest.rereferralChart.empty);
		const earlier = await runPage(pathwayPage, engine, { filters: { from: '2025-07-01', to: '2025-09-30' } });
		expect(earlier.rereferralChart.rows[0]!.children).toBeGreaterThan(0);
		expect(earlier.rereferralChart.empty).toBeUndefined();
	});

	it('withholds small counts in publication mode and says so under the age chart', async () => {
		// Referrals from health in East Cambridgeshire in 2025: a handful.
		const filters = {
			districts: ['east_cambridgeshire' as const],
			sources: ['health' as const],
			from: '2025-01-01',
			to: '2025-12-31'
		};
		const count = referrals.filter(
			(row) =>
				row.district === 'east_cambridgeshire' &&
				row.referral_source === 'health' &&
				row.referral_date! >= filters.from &&
				row.referral_date! <= filters.to
		).length;
		expect(count).toBeGreaterThanOrEqual(1);
		expect(count).toBeLessThanOrEqual(5);
		const open = await runPage(pathwayPage, engine, { filters });
		const published = await runPage(pathwayPage, engine, { filters, publication: true });
		expect(headline(open, 'Referrals').value).toBe(en(count));
		const cell = await publishedByHand(engine, {
			table: 'referral_facts',
			where: `district = 'east_cambridgeshire' AND referral_source = 'health' AND referral_date BETWEEN '${filters.from}' AND '${filters.to}'`,
			groups: []
		});
		expect(headline(published, 'Referrals').value).toBe(en(cell.get('')!.published));
		expect(cell.get('')!.published).not.toBe(count);
		expect(open.ageChart.caption).not.toContain('Publication mode');
	});
});

describe('pathway "With an intervention" headline on fixtures', () => {
	let fixture: Engine;
	beforeAll(async () => {
		// Fenland: 3 with an intervention, 1 with none, 2 not recorded. Cambridge: none recorded at all.
		// Peterborough: 12 with an intervention and 8 with none, enough to publish; Huntingdonshire: 3 and 17.
		const rows = [
			...['deter', 'understand', 'disrupt', 'none', null, null].map((intervention, index) =>
				referral({ referral_id: `F${index}`, child_id: `CF${index}`, intervention })
			),
			...[0, 1].map((index) =>
				referral({
					referral_id: `C${index}`,
					child_id: `CC${index}`,
					district: 'cambridge',
					intervention: null
				})
			),
			...Array.from({ length: 20 }, (_, index) =>
				referral({
					referral_id: `P${index}`,
					child_id: `CP${index}`,
					district: 'peterborough',
					intervention: index < 12 ? 'deter' : 'none'
				})
			),
			...Array.from({ length: 20 }, (_, index) =>
				referral({
					referral_id: `H${index}`,
					child_id: `CH${index}`,
					district: 'huntingdonshire',
					intervention: index < 3 ? 'disrupt' : 'none'
				})
			)
		];
		fixture = await engineWith({ referrals: rows });
	});
	afterAll(() => fixture?.close());

	const withIntervention = async (
		districts: ('fenland' | 'cambridge' | 'peterborough' | 'huntingdonshire')[],
		publication = false
	) =>
		headline(
			await runPage(pathwayPage, fixture, { filters: { districts }, publication }),
			'With an intervention'
		);

	it('counts only referrals with the intervention recorded', async () => {
		expect(await withIntervention(['fenland'])).toEqual({
			label: 'With an intervention',
			value: formatPercent(3 / 4),
			detail: 'of 4 with the intervention recorded'
		});
	});

	it('shows a dash and no detail when no referral has the intervention recorded', async () => {
		expect(await withIntervention(['cambridge'])).toEqual({
			label: 'With an intervention',
			value: '–',
			detail: undefined
		});
	});

	it('gives the share from published counts in publication mode, withheld over fewer than 10', async () => {
		for (const district of ['fenland', 'huntingdonshire', 'peterborough'] as const) {
			const shown = await withIntervention([district], true);
			const recorded = Number(/of ([\d,]+) with/.exec(shown.detail ?? '')?.[1]?.replaceAll(',', '') ?? 'NaN');
			expect(isPublishable(recorded)).toBe(true);
			if (recorded < 10) expect(shown.value).toBe('c');
			else expect(shown.value).toMatch(/%$/);
		}
		expect(await withIntervention(['huntingdonshire'])).toEqual({
			label: 'With an intervention',
			value: formatPercent(3 / 20),
			detail: 'of 20 with the intervention recorded'
		});
	});
});
