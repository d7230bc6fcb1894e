/**
 * Issue 13: the automated reader over the board pack alone. It reads every figure the pack prints (its
 * plain-English findings, signal notes, headline cards, and every chart's title, summary, caption and table)
 * for the latest complete quarter and the one before, for the partnership and one district, with
 * publication mode off for the truth, and tries to recover each protected count (true value 1–5). The pack
 * read together with every page is part of `reader.live.test.ts`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '$lib/engine/engine';
import { demoEngine } from '../helpers/page';
import { gather, type Reading } from './gather';
import { packPages } from './pack-reading';
import { readPublished, type ReaderReport } from './reader';

describe('the board pack against the automated reader', () => {
	let engine: Engine;
	let reading: Reading;
	let report: ReaderReport;
	beforeAll(async () => {
		engine = await demoEngine();
		reading = await gather(engine, { pages: false });
		// Told the most publication mode moves any figure of the pack (the strongest honest reader: see
		// reader.live.test.ts for the per-column bound the full reading uses).
		const noise = Math.max(
			0,
			...reading.cells
				.filter((cell) => cell.truth !== undefined && cell.truthHalfWidth === 0 && cell.shown?.value != null)
				.filter((cell) => cell.shown!.halfWidth === 0 && cell.kind === 'table')
				.map((cell) => Math.abs(cell.shown!.value! - cell.truth!))
		);
		report = await readPublished(reading, { noise: () => noise });
		console.log(
			`Board pack: ${reading.cells.length} figures in ${reading.views.length} views; ${report.protected.length} protected counts, ${report.pinned.length} pinned, ${report.open} keep two values or more`
		);
	}, 900_000);
	afterAll(() => engine?.close());

	it('reads every step the pack prints, for two quarters, the partnership and a district', () => {
		const read = new Set(reading.cells.map((cell) => cell.id.split('|').slice(0, 2).join('|')));
		for (const page of packPages())
			for (const step of page.shown)
				expect(read.has(`${page.name}|${step}`), `${page.name}|${step}`).toBe(true);
		// Two quarters × (partnership, district) × (the quarter, its two years of history).
		expect(new Set(reading.cells.map((cell) => cell.view)).size).toBe(8);
		// The pack's own plain-English findings are read like any sentence.
		expect(reading.cells.some((cell) => cell.id.startsWith('pack-overview|findings|'))).toBe(true);
	});

	it('pins no protected count', () => {
		expect(report.protected.length).toBeGreaterThan(0);
		expect(report.inconsistent).toEqual([]);
		expect(
			report.pinned.map(
				(finding) =>
					`${finding.view} ${finding.id} = ${finding.truth} (${finding.pinnedBy} ${finding.rule ?? ''})`
			)
		).toEqual([]);
	});
});
