import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TableName } from '$lib/contract';
import type { Engine } from '$lib/engine/engine';
import { Dataset, type ContractFile } from '$lib/state/dataset.svelte';

// Loading tables into DuckDB is mocked; the engine records the statements it is sent. What is under test is
// the dataset's own bookkeeping: the transaction round a change, what it publishes, the waiting views.
const { refreshed, loadedCsv } = vi.hoisted(() => ({ refreshed: { count: 0 }, loadedCsv: [] as string[] }));
vi.mock('$lib/engine/load-tables', () => ({
	contractCsvFile: (name: string) => `${name}.contract.csv`,
	createSchema: async () => undefined,
	loadContractCsv: async (_engine: unknown, table: string) => void loadedCsv.push(table),
	refreshFacts: async () => void refreshed.count++
}));
vi.mock('$lib/engine/load-reference', () => ({
	populationCsvFile: 'population.contract.csv',
	loadPopulation: async () => undefined
}));

function fakeEngine() {
	const statements: string[] = [];
	const engine = {
		exec: async (statement: { text: string }) => void statements.push(statement.text),
		query: async () => [{ referrals: 42 }]
	} as unknown as Engine;
	return { engine, statements };
}

const demo = {
	referrals: { name: 'referrals.csv', url: '/demo/referrals.csv' },
	missing_episodes: { name: 'missing.csv', url: '/demo/missing.csv' }
} satisfies Record<TableName, ContractFile>;

async function startedDataset() {
	const { engine, statements } = fakeEngine();
	const dataset = new Dataset();
	await dataset.start(async () => engine, demo, '/population.csv', 'a-test-partnership-secret');
	statements.length = 0;
	refreshed.count = 0;
	return { dataset, statements };
}

beforeEach(() => {
	vi.stubGlobal('fetch', async () => new Response('id\nr1\nr2\n'));
	// Under jsdom, SubtleCrypto refuses the response's ArrayBuffer (another realm); the hash is not under test.
	vi.stubGlobal('crypto', { subtle: { digest: async () => new Uint8Array(32).buffer } });
});
afterEach(() => vi.unstubAllGlobals());

describe('Dataset', () => {
	it('starts on the demo extract, with the files it loaded and their extent', async () => {
		const { dataset } = await startedDataset();
		expect(dataset.error).toBeUndefined();
		expect(dataset.status).toBe('ready');
		expect(dataset.source?.kind).toBe('demo');
		expect(dataset.source?.files.map((file) => [file.name, file.rows])).toEqual([
			['referrals.csv', 2],
			['missing.csv', 2]
		]);
		expect(dataset.extent).toEqual({ referrals: 42 });
		expect(dataset.coordinator).toBeDefined();
	});

	it('locks the engine down before it loads anything: only its own CSVs readable, settings locked', async () => {
		const { engine, statements } = fakeEngine();
		await new Dataset().start(async () => engine, demo, '/population.csv', 'a-test-partnership-secret');
		expect(statements).toEqual([
			"SET allowed_paths = ['referrals.contract.csv', 'missing_episodes.contract.csv', 'population.contract.csv', 'sightline-upload.csv']",
			'SET enable_external_access = false',
			'SET lock_configuration = true'
		]);
	});

	it('changes data inside a transaction, then rebuilds the facts and moves the generation on', async () => {
		const { dataset, statements } = await startedDataset();
		const generation = dataset.generation;
		const source = { kind: 'files' as const, files: [], loadedAt: '2026-12-06T00:00:00Z' };
		await dataset.change(source, async (engine) => {
			await engine.exec({ text: 'INSERT' } as never);
		});
		expect(statements).toEqual(['BEGIN TRANSACTION', 'INSERT', 'COMMIT']);
		expect(refreshed.count).toBe(1);
		expect(dataset.generation).toBe(generation + 1);
		expect(dataset.source).toBe(source);
	});

	it('rolls back a change that fails, keeping the previous data and generation', async () => {
		const { dataset, statements } = await startedDataset();
		const [generation, source] = [dataset.generation, dataset.source];
		await expect(
			dataset.change({ kind: 'files', files: [], loadedAt: '' }, async () => {
				throw new Error('Conversion Error');
			})
		).rejects.toThrow('Conversion Error');
		expect(statements).toEqual(['BEGIN TRANSACTION', 'ROLLBACK']);
		expect(refreshed.count).toBe(0);
		expect(dataset.status).toBe('ready');
		expect(dataset.generation).toBe(generation);
		expect(dataset.source).toBe(source);
	});

	it('starts on the data kept on this device instead of the demo: the demo is never loaded or shown', async () => {
		const { engine, statements } = fakeEngine();
		const dataset = new Dataset();
		const kept = { kind: 'files' as const, files: [], loadedAt: '2026-12-06T00:00:00Z' };
		const sources: (string | undefined)[] = [];
		loadedCsv.length = 0;
		await dataset.start(async () => engine, demo, '/population.csv', 'a-test-partnership-secret', {
			restoreKept: async () => {
				sources.push(dataset.source?.kind);
				await dataset.restore(kept, undefined, (db) => db.exec({ text: 'RESTORE' } as never));
				return true;
			}
		});
		expect(sources).toEqual([undefined]);
		expect(loadedCsv).toEqual([]);
		expect(statements.slice(-3)).toEqual(['BEGIN TRANSACTION', 'RESTORE', 'COMMIT']);
		expect(dataset.source).toBe(kept);
		expect(dataset.status).toBe('ready');
	});

	it('starts on the demo when there is no kept data, or it cannot be restored', async () => {
		for (const restoreKept of [async () => false, async () => Promise.reject(new Error('corrupt'))]) {
			loadedCsv.length = 0;
			const dataset = new Dataset();
			await dataset.start(
				async () => fakeEngine().engine,
				demo,
				'/population.csv',
				'a-test-partnership-secret',
				{
					restoreKept
				}
			);
			expect(loadedCsv).toEqual(['referrals', 'missing_episodes']);
			expect(dataset.source?.kind).toBe('demo');
		}
	});

	it('shows the kept data’s first screen while the engine starts, and drops it once the kept rows answer', async () => {
		const files = [
			{ name: 'april.csv', table: 'referrals' as const, rows: 2, bytes: 10, sha256: 'a'.repeat(64) }
		];
		const kept = { kind: 'files' as const, files, loadedAt: '2026-12-06T00:00:00Z' };
		const extent = { referrals: 2, first_referral: '2026-04-01', last_referral: '2026-04-02', episodes: 0 };
		const screen = {
			version: 1 as const,
			source: kept,
			areas: { title: 'Two towns', areas: [{ code: 'north', name: 'North' }] },
			precomputed: {
				files: [{ name: 'referrals/april.csv', sha256: 'a'.repeat(64) }],
				extent,
				answers: { key: [{ n: 2 }] }
			}
		};
		let engineStarts!: (engine: Engine) => void;
		const engineStarted = new Promise<Engine>((resolve) => (engineStarts = resolve));
		const dataset = new Dataset();
		const seen: unknown[] = [];
		const started = dataset.start(() => engineStarted, demo, '/population.csv', 'a-test-partnership-secret', {
			keptFirstScreen: async () => screen,
			restoreKept: async () => {
				seen.push(dataset.precomputedAnswer('key'));
				await dataset.restore(kept, undefined, async () => undefined);
				return true;
			}
		});
		await vi.waitFor(() => expect(dataset.showingPrecomputed).toBe(true));
		expect(dataset.status).toBe('starting');
		expect(dataset.source).toBe(kept);
		expect(dataset.extent).toEqual(extent);
		expect(dataset.areas.title).toBe('Two towns');
		expect(dataset.precomputedAnswer('key')).toEqual([{ n: 2 }]);
		engineStarts(fakeEngine().engine);
		await started;
		expect(seen).toEqual([[{ n: 2 }]]);
		expect(dataset.status).toBe('ready');
		expect(dataset.showingPrecomputed).toBe(false);
		expect(dataset.precomputedAnswer('key')).toBeUndefined();
	});

	it('goes back to the demo and its areas when the kept first screen was shown but nothing restores', async () => {
		loadedCsv.length = 0;
		const dataset = new Dataset();
		const screen = {
			version: 1 as const,
			source: { kind: 'files' as const, files: [], loadedAt: '' },
			areas: { title: 'Two towns', areas: [{ code: 'north', name: 'North' }] },
			precomputed: {
				files: [],
				extent: { referrals: 0, first_referral: null, last_referral: null, episodes: 0 },
				answers: {}
			}
		};
		await dataset.start(
			async () => fakeEngine().engine,
			demo,
			'/population.csv',
			'a-test-partnership-secret',
			{
				keptFirstScreen: async () => screen,
				restoreKept: async () => false
			}
		);
		expect(loadedCsv).toEqual(['referrals', 'missing_episodes']);
		expect(dataset.source?.kind).toBe('demo');
		expect(dataset.areas.title).not.toBe('Two towns');
		expect(dataset.showingPrecomputed).toBe(false);
	});

	it('reports a failed start as an error', async () => {
		const dataset = new Dataset();
		await dataset.start(
			async () => {
				throw new Error('WebAssembly is not available');
			},
			demo,
			'/population.csv',
			'a-test-partnership-secret'
		);
		expect(dataset.status).toBe('error');
		expect(dataset.error).toBe('WebAssembly is not available');
		expect(dataset.coordinator).toBeUndefined();
	});

	it('counts the views waiting for an answer; a view that finishes twice is counted off once', () => {
		const dataset = new Dataset();
		const first = dataset.viewStarted();
		const second = dataset.viewStarted();
		expect(dataset.viewsLoading).toBe(2);
		first();
		first();
		expect(dataset.viewsLoading).toBe(1);
		second();
		expect(dataset.viewsLoading).toBe(0);
	});
});

describe('Dataset while the engine starts', () => {
	/** Answers computed ahead from files whose every hash is `digit` repeated (the stubbed digest gives 0s). */
	const precomputed = (digit: string) => ({
		files: ['referrals', 'missing_episodes', 'population'].map((name) => ({
			name,
			sha256: digit.repeat(64)
		})),
		extent: { referrals: 2, first_referral: '2026-01-01', last_referral: '2026-02-01', episodes: 2 },
		answers: { key: [{ n: 1 }] }
	});

	/** A dataset whose engine starts when the test says so. */
	function starting(json: unknown) {
		const { engine } = fakeEngine();
		let ready!: () => void;
		const engineStarted = new Promise<Engine>((resolve) => (ready = () => resolve(engine)));
		const dataset = new Dataset();
		const started = dataset.start(() => engineStarted, demo, '/population.csv', 'a-test-partnership-secret', {
			precomputed: async () => json
		});
		return { dataset, ready, started };
	}

	it('shows answers computed from the very files it is loading, with their source and extent, until the engine is ready', async () => {
		const { dataset, ready, started } = starting(precomputed('0'));
		await vi.waitFor(() => expect(dataset.precomputedAnswer('key')).toEqual([{ n: 1 }]));
		expect(dataset.status).toBe('starting');
		expect(dataset.coordinator).toBeUndefined();
		expect(dataset.extent).toEqual(precomputed('0').extent);
		expect(dataset.source?.files.map((file) => [file.name, file.rows])).toEqual([
			['referrals.csv', 2],
			['missing.csv', 2]
		]);
		ready();
		await started;
		expect(dataset.status).toBe('ready');
		expect(dataset.precomputedAnswer('key')).toBeUndefined();
		expect(dataset.extent).toEqual({ referrals: 42 });
	});

	it('ignores answers computed from other files', async () => {
		const { dataset, ready, started } = starting(precomputed('1'));
		// Let every fetch and hash settle: nothing is shown.
		await new Promise((resolve) => setTimeout(resolve, 10));
		expect(dataset.precomputedAnswer('key')).toBeUndefined();
		expect(dataset.extent).toBeUndefined();
		expect(dataset.source).toBeUndefined();
		ready();
		await started;
		expect(dataset.status).toBe('ready');
	});
});
