import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '$lib/engine/engine';
import { answerKey } from '$lib/page/answer-key';
import type { QuerySpec } from '$lib/page/define-page';
import { precomputedFor, type PrecomputedAnswers } from '$lib/page/precomputed-answers';
import { dataExtent } from '$lib/sql/metrics/data-extent';
import { demoAnswers, demoFiles } from '../../../src/cli/precompute-answers';
import { overviewPage } from '../../../src/routes/overview-page';
import { freshEngine } from '../../helpers/engine';
import { demoEngine, runPage } from '../../helpers/page';

/** The demo files' SHA-256, hashed here with Node's own crypto, as the browser's fingerprint check sees them. */
const fingerprint = Object.entries(demoFiles).map(([name, path]) => ({
	name,
	sha256: createHash('sha256').update(readFileSync(path)).digest('hex')
}));

const querySteps = overviewPage.steps.flatMap((step) => (step.kind === 'query' ? [step] : []));
const queryNames = querySteps.map((step) => step.name);
/** What a query step asks in a view's scope. */
const asked = (name: string, scope: object) =>
	(querySteps.find((step) => step.name === name)!.ask as (scope: unknown) => QuerySpec)(scope)!;

let built: Engine;
let live: Engine;
let precomputed: PrecomputedAnswers;
beforeAll(async () => {
	built = await freshEngine();
	// As the browser receives it: serialised to JSON, read back and checked against the files' hashes.
	const json: unknown = JSON.parse(JSON.stringify(await demoAnswers(built)));
	precomputed = precomputedFor(json, fingerprint)!;
	// The live page, on its own engine, with another partnership secret than the build's.
	live = await demoEngine();
});
afterAll(async () => {
	await built?.close();
	await live?.close();
});

describe('answers precomputed from the demo at build time', () => {
	it('were computed from the demo files, whose extent they carry', async () => {
		expect(precomputed).toBeDefined();
		const [extent] = await live.query(dataExtent());
		expect(precomputed.extent).toEqual(extent);
	});

	it('equal the live answers to every query of the Overview, row by row (publication off)', async () => {
		const view = (await runPage(overviewPage, live)) as unknown as Record<string, { rows?: object[] }>;
		expect(queryNames).toHaveLength(5);
		for (const name of queryNames) {
			const spec = asked(name, view);
			const rows = view[name]!.rows!;
			const ahead = precomputed.answers[answerKey(spec, false)];
			expect(ahead, name).toBeDefined();
			expect(ahead!.length, name).toBe(rows.length);
			rows.forEach((row, index) => expect(ahead![index], `${name} row ${index}`).toEqual(row));
		}
		expect(Object.keys(precomputed.answers)).toHaveLength(queryNames.length);
	});

	it('hold nothing for publication mode: its counts depend on each device’s secret, so it waits for the engine', async () => {
		const view = (await runPage(overviewPage, live, { publication: true })) as unknown as Record<
			string,
			unknown
		>;
		for (const name of queryNames) {
			const spec = asked(name, view);
			expect(precomputed.answers[answerKey(spec, true)], name).toBeUndefined();
		}
	});
});
