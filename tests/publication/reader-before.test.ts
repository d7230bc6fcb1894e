/**
 * The automated reader against what publication mode published before the publication seam (issue 9),
 * kept in `fixtures/before-seam.json.gz` (recorded once at commit 4bced09, before the seam merged): it must
 * recover small counts from it, as the issue's determined reader did by hand. This is the record of the old behaviour, not of main.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { thawReading } from './frozen-reading';
import { readPublished, type ReaderReport } from './reader';

const reading = thawReading('tests/publication/fixtures/before-seam.json.gz');

/** How the reader knew each pinned count. */
function summary(report: ReaderReport): string {
	const by = new Map<string, number>();
	for (const finding of report.pinned) by.set(finding.pinnedBy!, (by.get(finding.pinnedBy!) ?? 0) + 1);
	return `${report.protected.length} protected counts (true value 1–5), ${report.pinned.length} pinned exactly (${[...by].map(([how, n]) => `${n} ${how}`).join(', ')}); ${report.open} keep two values or more; ${report.relations} equations from ${report.rules} rules; ${report.solver.solves} integer programs in ${report.solver.seconds.toFixed(1)} s`;
}

const pinned = (report: ReaderReport, view: string, id: string) =>
	report.pinned.find((finding) => finding.view === view && finding.id === id);

describe('the reader against publication mode before the seam', () => {
	describe('within one view: Fenland, read monthly and quarterly', () => {
		let report: ReaderReport;
		beforeAll(async () => {
			report = await readPublished(reading, { noise: 0, views: ['only:fenland', 'only:fenland@quarter'] });
			console.log(`Fenland alone: ${summary(report)}`);
		});

		it('finds the children of another gender: 282 − 251 − 29 = 2', () => {
			expect(pinned(report, 'only:fenland', 'children|pyramidChart|summary|with gender')).toMatchObject({
				truth: 2,
				pinnedBy: 'differencing'
			});
		});

		it('finds the suppressed intervention kind from "any intervention": 26 − 10 − 11 = 5', () => {
			expect(
				pinned(
					report,
					'only:fenland',
					'pathway|rereferralChart|Supporting those already involved|Referred again'
				)
			).toMatchObject({ truth: 5, rule: expect.stringMatching(/^rows\|pathway\|rereferralChart\|/) });
		});

		it('finds a suppressed month from the calendar-month totals: June, 42 − (0 + 7 + 7 + 25) = 3', () => {
			expect(pinned(report, 'only:fenland', 'missing|monthlyChart|June 2022 / Episodes|Count')).toMatchObject(
				{
					truth: 3,
					rule: expect.stringMatching(/^grain\|missing\|seasonChart\|/)
				}
			);
		});

		it('finds a suppressed month from its quarter: 10 − 0 − 6 = 4', () => {
			expect(pinned(report, 'only:fenland', 'trends|referralOverall|August 2023|Referrals')).toMatchObject({
				truth: 4,
				rule: expect.stringMatching(/^grain\|/)
			});
		});
	});

	describe('across every reader view', () => {
		let report: ReaderReport;
		beforeAll(async () => {
			report = await readPublished(reading, { noise: 0 });
			console.log(`Every view: ${summary(report)}`);
		});

		it("finds the Overview's looked-after count for Fenland from every district and every district but Fenland (31 − 26 = 5)", () => {
			expect(
				pinned(report, 'only:fenland', 'overview|headlines|[looked_after_share]detail.|of with')
			).toMatchObject({
				truth: 5,
				rule: 'views:all but fenland|overview|headlines|of with'
			});
		});

		it('recovers thousands of small counts, most by subtracting one view from another', () => {
			expect(report.pinned.length).toBeGreaterThan(1000);
			const byViews = report.pinned.filter((finding) => finding.rule?.startsWith('views:'));
			expect(byViews.length).toBeGreaterThan(report.pinned.length / 2);
			// Nothing the reader pins is wrong: it uses only what was published and rules that hold.
			expect(report.pinned.every((finding) => finding.truth >= 1 && finding.truth <= 5)).toBe(true);
		});
	});
});
