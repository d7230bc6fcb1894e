import { describe, expect, it } from 'vitest';
import { prevalenceView } from '$lib/summaries/indicator-prevalence';
import { prevalenceRows } from './indicator-views.fixture';

describe('prevalenceView', () => {
	it('orders indicators by prevalence and names the most common in the guidance wording', () => {
		const view = prevalenceView(
			prevalenceRows({ ind_drugs: [60, 90], ind_missing: [40, 100], ind_gifts: [10, 80] }),
			{ publication: false }
		);
		expect(view.points.slice(0, 3).map((point) => point.indicator)).toEqual([
			'ind_drugs',
			'ind_missing',
			'ind_gifts'
		]);
		expect(view.points[0]).toMatchObject({ present: 60, assessed: 90, notAssessed: 10, short: 'Drug use' });
		expect(view.title).toBe(
			'Evidence of concerning drug use is the most common indicator, present in 66.7% of referrals assessed'
		);
		expect(view.summary).toMatch(
			/^Of 100 referrals, the most common indicators were ‘Drug use’ \(66\.7%\), ‘Missing’ \(40\.0%\), ‘Unexplained gifts’ \(12\.5%\), and the least common ‘[A-Za-z ]+’ \(0\.0%\)\. An indicator counts as present/
		);
	});

	it('withholds "not assessed" in publication mode when the published referrals less the published assessed is 1 to 5', () => {
		const rows = prevalenceRows({ ind_drugs: [60, 97], ind_missing: [40, 100], ind_gifts: [10, 80] });
		const of = (view: ReturnType<typeof prevalenceView>, indicator: string) =>
			view.points.find((point) => point.indicator === indicator)!;
		const published = prevalenceView(rows, { publication: true });
		expect(of(published, 'ind_drugs')).toMatchObject({ notAssessed: null, suppressed: { notAssessed: 'c' } });
		expect(of(published, 'ind_missing').notAssessed).toBe(0);
		expect(of(published, 'ind_gifts').notAssessed).toBe(20);
		expect(of(prevalenceView(rows, { publication: false }), 'ind_drugs').notAssessed).toBe(3);
	});

	it('withholds a share over a published base under 10 in publication mode, and keeps the rest', () => {
		const view = prevalenceView(
			prevalenceRows({
				ind_drugs: [60, 90],
				ind_education: [20, 100],
				ind_missing: [6, 100],
				ind_gifts: [0, 7]
			}),
			{ publication: true }
		);
		const of = (indicator: string) => view.points.find((point) => point.indicator === indicator)!;
		expect(of('ind_gifts')).toMatchObject({
			present: null,
			assessed: 7,
			share: null,
			suppressed: { present: 'c' }
		});
		expect(of('ind_missing').share).toBeCloseTo(6 / 100, 12);
		expect(of('ind_drugs').share).toBeCloseTo(60 / 90, 12);
	});
});
