import { describe, expect, it } from 'vitest';
import type { Cell, Reading, Shown } from './gather';
import { readPublished } from './reader';

/**
 * A hand-made reading: one table (two rows and their total) in three views, every district and districts
 * A and B alone, which partition it. True counts:
 *            all   A   B
 *   Row 1     10   3   7
 *   Row 2      8   2   6
 *   Total     18   5  13
 */
const truths: Record<string, Record<string, number>> = {
	all: { 'Row 1': 10, 'Row 2': 8, Total: 18 },
	'only:a': { 'Row 1': 3, 'Row 2': 2, Total: 5 },
	'only:b': { 'Row 1': 7, 'Row 2': 6, Total: 13 }
};

function reading(show: (view: string, row: string, truth: number) => Shown): Reading {
	const cells: Cell[] = [];
	for (const [view, rows] of Object.entries(truths))
		for (const [row, truth] of Object.entries(rows))
			cells.push({
				view,
				id: `page|table|${row}|Referrals`,
				kind: 'table',
				truth,
				truthHalfWidth: 0,
				shown: show(view, row, truth)
			});
	return {
		views: Object.keys(truths).map((name) => ({ name, filters: {}, grain: 'month' as const })),
		partitions: [{ name: 'districts', whole: 'all', parts: ['only:a', 'only:b'] }],
		cells
	};
}

const exact = (value: number): Shown => ({ text: String(value), value, halfWidth: 0 });
const withheld: Shown = { text: 'c', value: null, halfWidth: 0, symbol: 'c' };

describe('readPublished', () => {
	it("recovers A's withheld rows by subtracting B from every district", async () => {
		// A's rows are withheld (3 and 2); its total 5 is shown, as are every other cell.
		const report = await readPublished(
			reading((view, row, truth) => (view === 'only:a' && row !== 'Total' ? withheld : exact(truth))),
			{ noise: 0 }
		);
		expect(report.protected.map((finding) => `${finding.view} ${finding.id}`).sort()).toEqual([
			'only:a page|table|Row 1|Referrals',
			'only:a page|table|Row 2|Referrals',
			'only:a page|table|Total|Referrals'
		]);
		// The total is shown as it is; the two rows come back by differencing (10 − 7, 8 − 6 or 5 − 3).
		expect(
			report.pinned.map((finding) => [finding.id.split('|')[2], finding.truth, finding.pinnedBy]).sort()
		).toEqual([
			['Row 1', 3, 'differencing'],
			['Row 2', 2, 'differencing'],
			['Total', 5, 'shown']
		]);
		expect(report.open).toBe(0);
	});

	it('keeps them open when B is withheld too and nothing shown ties the four cells down', async () => {
		// Only every district's figures are shown: A and B could split 10 and 8 in many ways.
		const report = await readPublished(
			reading((view, _row, truth) => (view === 'all' ? exact(truth) : withheld)),
			{ noise: 0 }
		);
		expect(report.pinned).toEqual([]);
		expect(report.open).toBe(report.protected.length);
	});

	it('pins nothing when every count is shown within ±1 of its truth, and says how far totals are from their parts', async () => {
		// A fixed ±1 per cell, as a perturbation would give: 11, 7, 18 / 4, 2, 6 / 6, 6, 14.
		const noise: Record<string, number> = {
			'all Row 1': 1,
			'all Row 2': -1,
			'only:a Row 1': 1,
			'only:b Row 1': -1,
			'only:a Total': 1,
			'only:b Total': 1
		};
		const report = await readPublished(
			reading((view, row, truth) => exact(truth + (noise[`${view} ${row}`] ?? 0))),
			{ noise: 1 }
		);
		expect(report.pinned).toEqual([]);
		expect(report.open).toBe(3);
		// all: 18 − (11 + 7) = 0; A: 6 − (4 + 2) = 0; B: 14 − (6 + 8) = 0… and the views: 11 − (4 + 6) = 1.
		expect(Math.max(...report.gaps.map((gap) => gap.gap))).toBeGreaterThan(0);
		expect(report.gaps.every((gap) => gap.gap <= gap.bound)).toBe(true);
	});

	it('pins a count shown with noise where the same total is published exactly elsewhere', async () => {
		// A's counts are shown within ±1, but every district and B exactly: A's Row 1 = 10 − 7, whatever A shows.
		const report = await readPublished(
			reading((view, row, truth) => exact(truth + (view === 'only:a' && row === 'Row 1' ? 1 : 0))),
			{ noise: (cell) => (cell.view === 'only:a' ? 1 : 0) }
		);
		expect(report.pinned.find((finding) => finding.id === 'page|table|Row 1|Referrals')).toMatchObject({
			view: 'only:a',
			truth: 3
		});
	});
});
