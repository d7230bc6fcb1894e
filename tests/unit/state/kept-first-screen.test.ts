import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { areaReference, type Area } from '$lib/contract';
import type { Engine } from '$lib/engine/engine';
import { replaceAreas } from '$lib/engine/load-reference';
import { createSchema, loadContractCsv, refreshFacts } from '$lib/engine/load-tables';
import { answerKey } from '$lib/page/answer-key';
import type { QuerySpec } from '$lib/page/define-page';
import { dataExtent } from '$lib/sql/metrics/data-extent';
import { sourceGaps, type DataSource } from '$lib/state/data-source';
import {
	keptFirstScreen,
	keptFirstScreenVersion,
	readKeptFirstScreen,
	type KeptFirstScreen
} from '$lib/state/kept-first-screen';
import { overviewPage } from '../../../src/routes/overview-page';
import { contractCsv, engineWith, episode, freshEngine, referral, TEST_SECRET } from '../../helpers/engine';
import { runPage } from '../../helpers/page';

/**
 * The first screen kept with data kept on this device (issue 14) must be exactly what the live Overview
 * shows for the same data: computed here by DuckDB from a fixture as FileLoader keeps it, read back through
 * JSON and its schema as a reload does, and compared with the live page run on another engine holding the
 * same rows.
 */

const districts = ['fenland', 'cambridge', 'peterborough', 'huntingdonshire'];
const sources = ['police', 'schools', 'health', 'la_services'];
const risks = ['low', 'medium', 'high', 'not_assessed'];

/** Two monthly extracts with April 2025 between them uncovered: January to March, then May and June. */
function fixture(district: (index: number) => string) {
	const day = (index: number) => {
		const month = [1, 2, 3, 5, 6][index % 5]!;
		return `2025-0${month}-${String(1 + ((index * 7) % 28)).padStart(2, '0')}`;
	};
	const referrals = Array.from({ length: 60 }, (_, index) =>
		referral({
			referral_id: `R${index}`,
			child_id: `C${index % 37}`,
			referral_date: day(index),
			age_at_referral: 10 + (index % 9),
			gender: index % 3 === 0 ? 'female' : 'male',
			district: district(index),
			referral_source: sources[index % sources.length]!,
			risk_level: risks[index % risks.length]!,
			nrm_referral: index % 4 === 0
		})
	);
	const missing_episodes = Array.from({ length: 18 }, (_, index) =>
		episode({
			episode_id: `E${index}`,
			child_id: `C${index}`,
			start_date: day(index),
			end_date: day(index),
			district: district(index),
			rhi_offered: index % 2 === 0,
			rhi_accepted: index % 4 === 0
		})
	);
	return { referrals, missing_episodes };
}

const file = (name: string, table: 'referrals' | 'missing_episodes', days: { from: string; to: string }) => ({
	name,
	table,
	rows: 1,
	bytes: 1,
	sha256: name.length.toString(16).padStart(64, 'a'),
	days
});

/** As the banner holds it: two appended referral extracts with April between them, and one of episodes. */
const source: DataSource = {
	kind: 'files',
	files: [
		file('january-march.csv', 'referrals', { from: '2025-01-01', to: '2025-03-31' }),
		file('may-june.csv', 'referrals', { from: '2025-05-01', to: '2025-06-30' }),
		file('episodes.csv', 'missing_episodes', { from: '2025-01-01', to: '2025-06-30' })
	],
	loadedAt: '2026-12-07T10:00:00Z'
};

/** What a query step of the Overview asks in a view's scope. */
const querySteps = overviewPage.steps.flatMap((step) => (step.kind === 'query' ? [step] : []));
const asked = (name: string, scope: object) =>
	(querySteps.find((step) => step.name === name)!.ask as (scope: unknown) => QuerySpec)(scope)!;

/** Every query of the live Overview has its answer among those kept, row for row, and nothing else is kept. */
async function expectLiveAnswers(
	kept: KeptFirstScreen,
	live: Engine,
	areas?: ReturnType<typeof areaReference>
) {
	const view = (await runPage(overviewPage, live, {
		gaps: sourceGaps(source),
		...(areas ? { areas } : {})
	})) as unknown as Record<string, { rows?: object[] }>;
	expect(querySteps.length).toBeGreaterThan(0);
	for (const { name } of querySteps) {
		const rows = view[name]!.rows;
		expect(rows, name).toBeDefined();
		expect(kept.precomputed.answers[answerKey(asked(name, view), false)], name).toEqual(rows);
	}
	expect(Object.keys(kept.precomputed.answers)).toHaveLength(querySteps.length);
}

/** As a reload reads it: structured-cloned to the device and back, here through JSON. */
const reread = (kept: KeptFirstScreen | undefined) => readKeptFirstScreen(JSON.parse(JSON.stringify(kept)));

describe('the first screen kept with kept data', () => {
	const engines: Engine[] = [];
	afterAll(async () => {
		for (const engine of engines) await engine.close();
	});

	describe('on the bundled areas', () => {
		let kept: KeptFirstScreen | undefined;
		let live: Engine;
		beforeAll(async () => {
			const keeping = await engineWith(fixture((index) => districts[index % districts.length]!));
			live = await engineWith(fixture((index) => districts[index % districts.length]!));
			engines.push(keeping, live);
			kept = reread(await keptFirstScreen(overviewPage, keeping, source));
		});

		it('reads back with the source it describes and the extent of the kept rows', async () => {
			expect(kept).toBeDefined();
			expect(kept!.version).toBe(keptFirstScreenVersion);
			expect(kept!.source).toEqual(source);
			expect(kept!.areas).toBeUndefined();
			expect(kept!.precomputed.extent).toEqual((await live.query(dataExtent()))[0]);
		});

		it('equals the live Overview’s answer to every query, through the publication seam', async () => {
			await expectLiveAnswers(kept!, live);
		});

		it('is not read when it is of another version, lacks its answers or names other files', () => {
			expect(readKeptFirstScreen(undefined)).toBeUndefined();
			expect(readKeptFirstScreen({ ...kept!, version: keptFirstScreenVersion + 1 })).toBeUndefined();
			const { precomputed: _answers, ...withoutAnswers } = kept!;
			expect(readKeptFirstScreen(withoutAnswers)).toBeUndefined();
			const otherFile = { ...source.files[0]!, sha256: 'b'.repeat(64) };
			expect(
				readKeptFirstScreen({ ...kept!, source: { ...source, files: [otherFile, ...source.files.slice(1)] } })
			).toBeUndefined();
		});
	});

	it('equals the live answers on the data’s own area reference, which it keeps', async () => {
		const list: Area[] = [
			{ code: 'north', name: 'North Town' },
			{ code: 'south', name: 'South Vale' }
		];
		const reference = areaReference('Two towns', list);
		const withAreas = async () => {
			const engine = await freshEngine();
			engines.push(engine);
			await createSchema(engine, TEST_SECRET);
			await replaceAreas(engine, reference, []);
			const rows = fixture((index) => (index % 3 === 0 ? 'north' : 'south'));
			await loadContractCsv(engine, 'referrals', contractCsv('referrals', rows.referrals));
			await loadContractCsv(
				engine,
				'missing_episodes',
				contractCsv('missing_episodes', rows.missing_episodes)
			);
			await refreshFacts(engine);
			return engine;
		};
		const kept = reread(
			await keptFirstScreen(overviewPage, await withAreas(), source, { title: 'Two towns', areas: list })
		);
		expect(kept?.areas).toEqual({ title: 'Two towns', areas: list });
		await expectLiveAnswers(kept!, await withAreas(), reference);
	});

	it('is not computed when no file is loaded', async () => {
		const engine = await engineWith({});
		engines.push(engine);
		expect(await keptFirstScreen(overviewPage, engine, { ...source, files: [] })).toBeUndefined();
	});
});
