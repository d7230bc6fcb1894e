import { cambridgeshireAndPeterborough } from '$lib/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '$lib/engine/engine';
import type { Filters } from '$lib/domain/filters';
import { changeSecret } from '$lib/engine/load-tables';
import { perturb } from '$lib/publication/perturb';
import { districtRates, type DistrictRateRow } from '$lib/sql/metrics/districts/district-rates';
import { episodeHeadline, referralHeadline, type ReferralHeadline } from '$lib/sql/metrics/headline';
import { referralWindowCounts, type ReferralWindowRow } from '$lib/sql/metrics/overview/window-counts';
import { referralSeries, type ReferralSeriesRow } from '$lib/sql/metrics/trends/referral-series';
import { sql } from '$lib/sql/sql';
import { answer } from '../../helpers/answer';
import { demoEngine } from '../../helpers/page';

/*
 * The cell key method's promises, on the demo extract: record keys are the same on every load with the same
 * secret; a cell's published value depends only on which records are in it, whichever query counted them;
 * and the published value is the ptable's for the true count and the cell key.
 */

let first: Engine;
let second: Engine;
beforeAll(async () => {
	[first, second] = [await demoEngine(), await demoEngine()];
});
afterAll(async () => {
	await first?.close();
	await second?.close();
});

const keys = (engine: Engine) =>
	engine.query<{ id: string; key: number }>(
		sql`SELECT referral_id AS id, record_key AS key FROM referral_facts
		UNION ALL SELECT episode_id, record_key FROM episode_facts ORDER BY 1`
	);

const whole = { from: '2021-01-01', to: '2026-12-31' };

describe('record keys', () => {
	it('are the same on every load of the same extract with the same secret, and spread over 0–255', async () => {
		const [a, b] = [await keys(first), await keys(second)];
		expect(a.length).toBeGreaterThan(2000);
		expect(b).toEqual(a);
		const used = new Set(a.map((row) => row.key));
		expect(Math.min(...used)).toBe(0);
		expect(Math.max(...used)).toBe(255);
		expect(used.size).toBe(256);
	});

	it('follow the partnership secret: another secret gives other keys, and the first gives them back', async () => {
		const engine = await demoEngine();
		try {
			const before = await keys(engine);
			await changeSecret(engine, 'another-partnership-secret');
			const after = await keys(engine);
			const same = after.filter((row, index) => row.key === before[index]!.key).length;
			// About 1 in 256 agree by chance.
			expect(same / after.length).toBeLessThan(0.02);
			await changeSecret(engine, 'sightline-test-partnership');
			expect(await keys(engine)).toEqual(before);
		} finally {
			await engine.close();
		}
	});
});

describe('a cell published by different queries', () => {
	it('gets the same published value whichever query counted the same referrals', async () => {
		const filters: Filters = { districts: ['fenland'] };
		const [viaHeadline] = await answer<ReferralHeadline>(first, referralHeadline(filters), true);
		const viaRates = (await answer<DistrictRateRow>(first, districtRates({}, whole), true)).find(
			(row) => row.district === 'fenland'
		)!;
		const viaWindows = (
			await answer<ReferralWindowRow>(
				first,
				referralWindowCounts(
					filters,
					[{ name: 'all', ...whole }],
					cambridgeshireAndPeterborough.enumeration.codes
				),
				true
			)
		).find((row) => row.area === 'fenland')!;
		const [truth] = await answer<ReferralHeadline>(first, referralHeadline(filters));
		const measures = ['referrals', 'children', 'repeat_referrals', 'looked_after'] as const;
		// Perturbation moved some of these cells (a cell of 8 or more stays put for 96 keys in 256), so the
		// agreement below is not the truth agreeing with itself.
		expect(measures.some((measure) => viaHeadline![measure] !== truth![measure])).toBe(true);
		for (const measure of measures) {
			expect(viaRates[measure]).toBe(viaHeadline![measure]);
			expect(viaWindows[measure]).toBe(viaHeadline![measure]);
		}
		// The referral cube (the series) and the facts (the headline) agree on a month's cell too.
		const month = { from: '2025-03-01', to: '2025-03-31' };
		const [monthHeadline] = await answer<ReferralHeadline>(
			first,
			referralHeadline({ ...filters, ...month }),
			true
		);
		const series = await answer<ReferralSeriesRow>(
			first,
			referralSeries(filters, {
				grain: 'month',
				first: month.from,
				last: month.to,
				areas: cambridgeshireAndPeterborough.enumeration.codes
			}),
			true
		);
		expect(series.find((row) => row.area === 'fenland')!.referrals).toBe(monthHeadline!.referrals);
		expect(series.find((row) => row.area === 'fenland')!.looked_after).toBe(monthHeadline!.looked_after);
	});

	it('publishes ptable(true count, sum of the records’ keys mod 256), for rows and for distinct children', async () => {
		const [truth] = await first.query<{ n: number; key: number; children: number; child_key: number }>(
			sql`SELECT count(*) AS n, sum(record_key) % 256 AS key,
				count(DISTINCT child_key) AS children, sum(DISTINCT child_cell_hash) % 256 AS child_key
			FROM episode_facts WHERE district = 'fenland'`
		);
		const [published] = await answer<{ episodes: number; children_missing: number }>(
			first,
			episodeHeadline({ districts: ['fenland'] }),
			true
		);
		expect(published!.episodes).toBe(perturb(truth!.n, Number(truth!.key)));
		expect(published!.children_missing).toBe(perturb(truth!.children, Number(truth!.child_key)));
	});
});
