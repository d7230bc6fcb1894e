import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '$lib/engine/engine';
import type { Filters } from '$lib/domain/filters';
import { spcVerdict, SPC_VERDICT_CHANGED } from '$lib/summaries/spc-verdict';
import { overviewPage } from '../../../../src/routes/overview-page';
import { trendsPage } from '../../../../src/routes/trends/trends-page';
import { demoEngine, runPage } from '../../../helpers/page';

let engine: Engine;
beforeAll(async () => {
	engine = await demoEngine();
});
afterAll(() => engine?.close());

// Views whose small series are the likeliest to read differently once perturbed.
const views: Filters[] = [
	{},
	{ districts: ['fenland'] },
	{ districts: ['east_cambridgeshire'] },
	{ genders: ['female'] },
	{ districts: ['peterborough'], genders: ['female'] }
];
const parts = { overall: (area: string) => area === 'all', byDistrict: (area: string) => area !== 'all' };
type Trend = { series: { area: string }[]; signals: { area: string }[] };
const verdictOf = (trend: Trend, part: keyof typeof parts) =>
	JSON.stringify(
		spcVerdict(
			trend.series.filter((one) => parts[part](one.area)) as never,
			trend.signals.filter((signal) => parts[part](signal.area)) as never
		)
	);

describe('publication mode changed this verdict', () => {
	it('Trends says so exactly where the published SPC verdict differs from the one on true counts', async () => {
		let changed = 0;
		let same = 0;
		for (const filters of views) {
			const truth = await runPage(trendsPage, engine, { filters });
			const published = await runPage(trendsPage, engine, { filters, publication: true });
			for (const [trend, charts] of [
				['referralTrend', ['referralOverall', 'referralByDistrict']],
				['childTrend', ['childOverall', 'childByDistrict']],
				['repeatTrend', ['repeatOverall', 'repeatByDistrict']]
			] as const) {
				for (const [index, part] of (['overall', 'byDistrict'] as const).entries()) {
					// Judged here from both runs of the page; the page itself never saw the true rows.
					const differs = verdictOf(truth[trend]!, part) !== verdictOf(published[trend]!, part);
					const summary = published[charts[index]!]!.summary;
					expect(summary.includes(SPC_VERDICT_CHANGED), `${JSON.stringify(filters)} ${charts[index]}`).toBe(
						differs
					);
					expect(truth[charts[index]!]!.summary).not.toContain(SPC_VERDICT_CHANGED);
					if (differs) changed++;
					else same++;
				}
			}
		}
		expect(changed).toBeGreaterThan(0);
		expect(same).toBeGreaterThan(0);
	});

	it('the Overview notes it beside its signals exactly when a published SPC verdict differs', async () => {
		let changed = 0;
		for (const filters of views) {
			const truth = await runPage(overviewPage, engine, { filters });
			const published = await runPage(overviewPage, engine, { filters, publication: true });
			const verdict = (view: typeof truth) =>
				JSON.stringify(spcVerdict(Object.values(view.spc!).flat(), view.spcSignals));
			const differs = verdict(truth) !== verdict(published);
			expect(published.signalNotes.includes(SPC_VERDICT_CHANGED), JSON.stringify(filters)).toBe(differs);
			expect(truth.signalNotes).not.toContain(SPC_VERDICT_CHANGED);
			if (differs) changed++;
		}
		expect(changed).toBeGreaterThan(0);
	});
});
