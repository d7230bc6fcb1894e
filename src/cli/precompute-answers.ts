/**
 * `npm run precompute` (run by `npm run build` first): the Overview's answers for its first screen on the
 * bundled demo extract (no filters, publication mode off), computed by DuckDB in Node exactly as the browser
 * computes them, written to `static/precomputed-answers.json` with the SHA-256 of every file they come from.
 * The app shows them while DuckDB-WASM compiles, only when the files it is about to load have those hashes,
 * then swaps to live queries (see Dataset.start).
 *
 * Publication mode is not precomputed: its counts are perturbed with record keys from the partnership
 * secret, which each device generates for itself (device-store.ts), so a published view waits for the engine.
 * With publication off the keys are dropped at the seam, and the answers do not depend on the secret.
 */
import { readFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { cambridgeshireAndPeterborough } from '../lib/contract';
import { loadPopulation } from '../lib/engine/load-reference';
import { createSchema, loadContractCsv, refreshFacts } from '../lib/engine/load-tables';
import { createNodeEngine } from '../lib/engine/node-engine';
import { sha256Hex } from '../lib/ingest/sha256-hex';
import { firstScreenContext } from '../lib/page/first-screen-context';
import { precomputeAnswers } from '../lib/page/precompute-answers';
import type { PrecomputedAnswers } from '../lib/page/precomputed-answers';
import { dataExtent, type DataExtent } from '../lib/sql/metrics/data-extent';
import type { Engine } from '../lib/engine/engine';
import { overviewPage } from '../routes/overview-page';

/** The files the browser loads at start (demo-extract.ts), under the names the fingerprint gives them. */
export const demoFiles = {
	referrals: 'data/demo/referrals.csv',
	missing_episodes: 'data/demo/missing_episodes.csv',
	population: 'data/reference/district-population.csv'
} as const;

export const precomputedAnswersFile = 'static/precomputed-answers.json';

/** Any secret: with publication off, record keys never reach a view. */
const buildSecret = 'sightline-precomputed-answers';

/**
 * Load the demo files into `engine` as Dataset.start does in the browser (schema, population, tables,
 * facts), and compute the Overview's first-screen answers from them.
 */
export async function demoAnswers(engine: Engine, secret = buildSecret): Promise<PrecomputedAnswers> {
	const read = async (path: string) => new Uint8Array(await readFile(path));
	const bytes = {
		referrals: await read(demoFiles.referrals),
		missing_episodes: await read(demoFiles.missing_episodes),
		population: await read(demoFiles.population)
	};
	const text = (of: Uint8Array) => new TextDecoder().decode(of);
	await createSchema(engine, secret);
	await loadPopulation(engine, text(bytes.population));
	await loadContractCsv(engine, 'referrals', text(bytes.referrals));
	await loadContractCsv(engine, 'missing_episodes', text(bytes.missing_episodes));
	await refreshFacts(engine);
	const [extent] = await engine.query<DataExtent>(dataExtent());
	if (!extent) throw new Error('The demo extract has no extent.');
	const answers = await precomputeAnswers(
		overviewPage,
		// One extract per table: no days between appended extracts.
		firstScreenContext(extent, { referrals: [], missing_episodes: [] }, cambridgeshireAndPeterborough),
		(query) => engine.query(query)
	);
	const files = await Promise.all(
		Object.entries(bytes).map(async ([name, of]) => ({ name, sha256: await sha256Hex(of) }))
	);
	return { files, extent, answers };
}

async function main(): Promise<void> {
	const engine = await createNodeEngine();
	try {
		const answers = await demoAnswers(engine);
		await mkdir(dirname(precomputedAnswersFile), { recursive: true });
		await writeFile(precomputedAnswersFile, JSON.stringify(answers));
		console.log(
			`${precomputedAnswersFile}: ${Object.keys(answers.answers).length} answers of the Overview on the demo extract`
		);
	} finally {
		await engine.close();
	}
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
