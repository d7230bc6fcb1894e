import { beforeEach, describe, expect, it, vi } from 'vitest';
import { cambridgeshireAndPeterborough, type AreaReference } from '$lib/contract';
import type { Engine } from '$lib/engine/engine';
import type { WorkerOutcome } from '$lib/ingest/ingest.worker';
import type { DataSource } from '$lib/state/data-source';
import type { Dataset } from '$lib/state/dataset.svelte';
import { FileLoader } from '$lib/state/file-loader.svelte';

// The worker and DuckDB stay out of this test: the ingest client answers with the outcomes queued below, and
// loading into DuckDB is recorded rather than run. What is under test is the loader's own logic: replace
// or append, which ids count as known, what is reported.
const { outcomes, requests, loaded } = vi.hoisted(() => ({
	outcomes: [] as unknown[],
	requests: [] as { name: string; knownIds?: string[]; references?: unknown[] }[],
	loaded: [] as string[]
}));

vi.mock('$lib/state/ingest-client', () => ({
	IngestClient: class {
		ingest(request: { name: string; knownIds?: string[] }) {
			requests.push(request);
			return { outcome: Promise.resolve(outcomes.shift()), cancel: () => undefined };
		}
	}
}));
vi.mock('$lib/engine/load-arrow', () => ({
	clearData: async () => void loaded.push('clear'),
	appendArrow: async (_engine: Engine, table: string) => void loaded.push(`append ${table}`)
}));
const { store } = vi.hoisted(() => ({
	store: {
		kept: undefined as unknown,
		/** What the next save does instead of storing (a write still under way, a browser refusing storage). */
		saving: undefined as Promise<void> | undefined,
		listener: undefined as ((change: { type: 'saved' | 'removed' }) => void) | undefined
	}
}));
vi.mock('$lib/state/device-store', () => ({
	deviceStore: {
		save: async (data: unknown) => {
			if (store.saving) return store.saving;
			store.kept = data;
		},
		removeAll: async () => void (store.kept = undefined),
		load: async () => store.kept,
		onChange: (listener: typeof store.listener) => {
			store.listener = listener;
			return () => undefined;
		}
	}
}));
vi.mock('$lib/engine/table-snapshot', () => ({
	snapshotTables: async () => ({ referrals: new Uint8Array([1]), missing_episodes: new Uint8Array([2]) }),
	restoreTables: async () => void loaded.push('restore')
}));

/** A dataset whose engine knows the ids `r1` and `r2`, and which records each change of data. */
function fakeDataset(source: DataSource = { kind: 'demo', files: [], loadedAt: '2026-12-01T00:00:00Z' }) {
	const dataset = {
		source,
		areas: cambridgeshireAndPeterborough as AreaReference,
		coordinator: { engine: { query: async () => [{ id: 'r1' }, { id: 'r2' }] } },
		engineStarted: true,
		started: Promise.resolve(),
		async setAreas(reference: AreaReference) {
			dataset.areas = reference;
			return { kept: { referrals: 0, missing_episodes: 0 }, removed: { referrals: 40, missing_episodes: 2 } };
		},
		async change(next: DataSource, mutate: (engine: Engine) => Promise<void>) {
			await mutate({} as Engine);
			dataset.source = next;
		},
		async restore(next: DataSource, _areas: unknown, fill: (engine: Engine) => Promise<void>) {
			await dataset.change(next, fill);
		},
		async resetToDemo() {
			loaded.push('demo');
			dataset.source = { kind: 'demo', files: [], loadedAt: '2026-12-01T00:00:00Z' };
		}
	};
	return dataset;
}

const file = (name: string) =>
	({ name, size: 100, arrayBuffer: async () => new ArrayBuffer(100) }) as unknown as File;

function loadedOutcome(
	name: string,
	loadedRows: number,
	rejected: number,
	days?: { min: string; max: string }
): WorkerOutcome {
	const issue = (row: number) => ({ file: name, row, line: row + 1, column: 'Date of birth', field: 'dob' });
	return {
		status: 'loaded',
		result: {
			table: 'referrals',
			files: [{ name, sha256: `sha-${name}`, loaded: loadedRows }],
			read: loadedRows + rejected,
			loaded: loadedRows,
			rejectedRows: rejected,
			blankRows: 0,
			rejected: Array.from({ length: rejected }, (_, index) => issue(index + 1)),
			warnings: [],
			dateRange: days ? { field: 'referral_date', ...days } : null
		},
		ipc: new Uint8Array()
	} as unknown as WorkerOutcome;
}

beforeEach(() => {
	store.kept = undefined;
	outcomes.length = 0;
	requests.length = 0;
	loaded.length = 0;
});

describe('FileLoader', () => {
	it('replaces the demo with the first file, then appends, telling the worker which ids are loaded', async () => {
		const dataset = fakeDataset();
		const loader = new FileLoader(dataset as unknown as Dataset);
		outcomes.push(loadedOutcome('april.csv', 2, 0), loadedOutcome('may.csv', 3, 1));
		await loader.load([file('april.csv')]);
		expect(loaded).toEqual(['clear', 'append referrals']);
		expect(requests[0]!.knownIds).toBeUndefined();
		expect(dataset.source.kind).toBe('files');
		await loader.load([file('may.csv')]);
		expect(loaded).toEqual(['clear', 'append referrals', 'append referrals']);
		// The table is not known yet, so the ids of both tables count (the fake engine answers the same for each).
		expect(requests[1]!.knownIds).toEqual(['r1', 'r2', 'r1', 'r2']);
		expect(dataset.source.files.map((one) => [one.name, one.rows])).toEqual([
			['april.csv', 2],
			['may.csv', 3]
		]);
		expect(loader.reports.map((report) => report.status)).toEqual(['loaded', 'loaded']);
		expect(loader.busy).toBe(false);
	});

	it('reports a file whose every row is rejected and leaves the data shown untouched', async () => {
		const kept = { name: 'april.csv', table: 'referrals', rows: 2, bytes: 10, sha256: 'a' } as const;
		const dataset = fakeDataset({ kind: 'files', files: [kept], loadedAt: '2026-12-01T00:00:00Z' });
		const loader = new FileLoader(dataset as unknown as Dataset);
		outcomes.push(loadedOutcome('bad.csv', 0, 4));
		await loader.load([file('bad.csv')]);
		expect(loaded).toEqual([]);
		const [report] = loader.reports;
		expect(report?.status === 'loaded' && report.rejected).toHaveLength(4);
		expect(report?.status === 'loaded' && report.unchanged).toBe(true);
		expect(dataset.source.files).toEqual([kept]);
	});

	it('does not replace the demo with nothing when the first file loads no row', async () => {
		const dataset = fakeDataset();
		const loader = new FileLoader(dataset as unknown as Dataset);
		outcomes.push(loadedOutcome('bad.csv', 0, 2));
		await loader.load([file('bad.csv')]);
		// Before, the demo was cleared and an empty set shown.
		expect(loaded).toEqual([]);
		expect(dataset.source.kind).toBe('demo');
	});

	it('lists two files of the same name and flags the days between them that neither covers', async () => {
		const dataset = fakeDataset();
		const loader = new FileLoader(dataset as unknown as Dataset);
		outcomes.push(
			loadedOutcome('extract.csv', 5, 0, { min: '2025-04-01', max: '2025-11-15' }),
			loadedOutcome('extract.csv', 3, 0, { min: '2025-12-01', max: '2025-12-31' })
		);
		await loader.load([file('extract.csv')]);
		await loader.load([file('extract.csv')]);
		expect(dataset.source.files.map((one) => [one.name, one.rows, one.days])).toEqual([
			['extract.csv', 5, { from: '2025-04-01', to: '2025-11-15' }],
			['extract.csv', 3, { from: '2025-12-01', to: '2025-12-31' }]
		]);
		const last = loader.reports.at(-1);
		expect(last?.status === 'loaded' && last.coverage).toMatch(/^Gap: nothing loaded covers .* \(15 days\)/);
	});

	it('makes an areas file the area reference, and sends it with the next file to the worker', async () => {
		const dataset = fakeDataset();
		const loader = new FileLoader(dataset as unknown as Dataset);
		outcomes.push(
			{
				status: 'areas',
				fileName: 'areas.csv',
				reason: 'Recognised as: an areas file.',
				areas: {
					title: 'Two localities',
					areas: [
						{ code: 'north', name: 'North' },
						{ code: 'south', name: 'South' }
					],
					population: [{ district: 'north', year: 2000, age_band: '0-17', children: 100, source: 'x' }]
				}
			},
			loadedOutcome('april.csv', 2, 0)
		);
		await loader.load([file('areas.csv'), file('april.csv')]);
		expect(dataset.areas.title).toBe('Two localities');
		expect(loader.reports[0]).toMatchObject({ status: 'areas', areas: 2, withPopulation: 1, removed: 42 });
		expect((requests[1] as { areas?: { title: string } }).areas?.title).toBe('Two localities');
	});

	it('leaves the data untouched when a file cannot be read', async () => {
		const dataset = fakeDataset();
		const loader = new FileLoader(dataset as unknown as Dataset);
		outcomes.push({ status: 'unreadable', fileName: 'photo.png', reason: 'Not a table' });
		await loader.load([file('photo.png')]);
		expect(loaded).toEqual([]);
		expect(dataset.source.kind).toBe('demo');
		expect(loader.reports).toEqual([{ status: 'unreadable', fileName: 'photo.png', reason: 'Not a table' }]);
	});

	it('refuses a file beyond the browser row budget before reading any of it, and says what to do instead', async () => {
		const dataset = fakeDataset();
		const loader = new FileLoader(dataset as unknown as Dataset);
		const read = vi.fn(async () => new ArrayBuffer(0));
		const big = { name: 'referrals-12m.csv', size: 2_300_000_000, arrayBuffer: read, slice: read };
		await loader.load([big as unknown as File]);
		expect(read).not.toHaveBeenCalled();
		expect(requests).toEqual([]);
		expect(dataset.source.kind).toBe('demo');
		expect(loader.reports).toEqual([
			{
				status: 'unreadable',
				fileName: 'referrals-12m.csv',
				reason:
					'referrals-12m.csv holds about 12,500,000 rows (2,300 MB): more than a browser tab can load from one CSV file (10,000,000 rows), so nothing was read. Load an extract of a shorter period, under 10,000,000 rows, here, or the whole file with the command "npm run native" (the README\'s "Outgrowing the browser" says how).'
			}
		]);
	});

	it('stops at a file that needs its columns mapping, says which files wait, and loads them after the choice', async () => {
		const dataset = fakeDataset();
		const loader = new FileLoader(dataset as unknown as Dataset);
		outcomes.push({
			status: 'needs-mapping',
			fileName: 'odd.csv',
			reason: 'No column for the referral id.',
			headers: ['Ref', 'DOB'],
			match: { table: 'referrals', columns: [], missingRequired: ['referral_id'], ambiguous: [], notes: [] },
			headings: null
		});
		await loader.load([file('odd.csv'), file('june.csv'), file('july.csv')]);
		expect(requests.map((request) => request.name)).toEqual(['odd.csv']);
		expect(loader.pending?.headers).toEqual(['Ref', 'DOB']);
		expect(loader.pending?.reason).toBe('No column for the referral id. Then june.csv, july.csv will load.');
		expect(loader.reports).toEqual([]);
		// A dropped SSDA903 Header table waits for its Missing table's mapping, then loads: nothing is refused.
		for (const name of ['odd.csv', 'june.csv', 'july.csv'])
			outcomes.push(loadedOutcome(name, 1, 0, { min: '2025-06-01', max: '2025-06-30' }));
		await loader.completeMapping({ referral_id: 'Ref' });
		expect(requests.map((request) => request.name)).toEqual(['odd.csv', 'odd.csv', 'june.csv', 'july.csv']);
		expect(loader.reports.map((report) => report.status)).toEqual(['loaded', 'loaded', 'loaded']);
	});

	it('remembers an SSDA903 Header table loaded before any episodes and sends it with the next file', async () => {
		const dataset = fakeDataset();
		const loader = new FileLoader(dataset as unknown as Dataset);
		const reference = { kind: 'header', fileName: 'header.csv', read: 1, issues: [], children: [] } as const;
		outcomes.push({
			status: 'reference',
			fileName: 'header.csv',
			format: { id: 'ssda903-header', label: 'SSDA903 Header table', loadsAs: 'reference', use: '' },
			reason: 'Recognised as: SSDA903 Header table, a reference table.',
			reference
		});
		outcomes.push(loadedOutcome('missing.csv', 1, 0));
		await loader.load([file('header.csv'), file('missing.csv')]);
		expect(requests.map((request) => request.references)).toEqual([[], [reference]]);
		// The demo is still shown: nothing of the user's to enrich yet, and the page says it will be.
		expect(loader.reports[0]).toEqual(
			expect.objectContaining({ status: 'reference', fileName: 'header.csv', enrichments: [] })
		);
	});

	it('a repeated mapping step says it is one and what is still missing; a heading row chosen reads again', async () => {
		const dataset = fakeDataset();
		const loader = new FileLoader(dataset as unknown as Dataset);
		const headings = {
			row: 1,
			candidates: [
				{ row: 1, text: 'Title' },
				{ row: 3, text: 'Ref | DOB' }
			]
		};
		const needsMapping = {
			status: 'needs-mapping' as const,
			fileName: 'odd.csv',
			reason: 'No column was recognised as Referral ID.',
			headers: ['Ref', 'DOB'],
			match: { table: 'referrals', columns: [], missingRequired: ['referral_id'], ambiguous: [], notes: [] },
			headings
		};
		outcomes.push(needsMapping, needsMapping, needsMapping);
		await loader.load([file('odd.csv')]);
		expect(loader.pending?.reason).toBe('No column was recognised as Referral ID.');
		expect(loader.pending?.headings).toEqual(headings);
		await loader.completeMapping({ child_id: 'DOB' });
		expect(loader.pending?.reason).toMatch(
			/^Read again with your choices; still needed: Referral ID\. No column/
		);
		await loader.chooseHeaderRow(3);
		expect((requests.at(-1) as { headerRow?: number }).headerRow).toBe(3);
	});

	it("keeps the contract tables and the files' provenance, never the files, and follows other tabs", async () => {
		const dataset = fakeDataset();
		const loader = new FileLoader(dataset as unknown as Dataset);
		loader.followOtherTabs();
		outcomes.push(loadedOutcome('april.csv', 2, 1, { min: '2025-04-01', max: '2025-04-30' }));
		await loader.load([file('april.csv')]);
		expect(store.kept).toBeUndefined();
		await loader.setKeep(true);
		const kept = store.kept as { source: DataSource; tables: Record<string, Uint8Array> };
		expect(Object.keys(kept).sort()).toEqual(['source', 'tables']);
		expect(kept.source.files).toEqual([
			{
				name: 'april.csv',
				table: 'referrals',
				rows: 2,
				bytes: 100,
				sha256: 'sha-april.csv',
				days: { from: '2025-04-01', to: '2025-04-30' }
			}
		]);
		expect(Object.keys(kept.tables)).toEqual(['referrals', 'missing_episodes']);
		// Another tab (the same store) opens: it shows the kept data without reading any file.
		const other = fakeDataset();
		const otherLoader = new FileLoader(other as unknown as Dataset);
		loaded.length = 0;
		await otherLoader.restore();
		expect(loaded).toEqual(['clear', 'restore']);
		expect(other.source.files.map((one) => one.name)).toEqual(['april.csv']);
		expect(otherLoader.keep).toBe(true);
		// Removed in another tab: this tab goes back to the demo and stops keeping.
		store.listener?.({ type: 'removed' });
		await vi.waitFor(() => expect(dataset.source.kind).toBe('demo'));
		expect(loader.keep).toBe(false);
	});

	it('unticked while the start restores kept data: the rows are restored, then the stored copy deleted', async () => {
		store.kept = { source: { kind: 'files', files: [], loadedAt: '2026-12-01T00:00:00Z' }, tables: {} };
		let startEnded!: () => void;
		const dataset = fakeDataset();
		dataset.started = new Promise<void>((resolve) => (startEnded = resolve));
		const loader = new FileLoader(dataset as unknown as Dataset);
		const unticked = loader.setKeep(false);
		// The start reads the kept rows before the untick deletes them.
		expect(await loader.restore()).toBe(true);
		expect(store.kept).toBeDefined();
		startEnded();
		await unticked;
		expect(store.kept).toBeUndefined();
		expect(loader.keep).toBe(false);
		expect(dataset.source.kind).toBe('files');
	});

	it('says the data is kept only once the write has ended, and why when the browser refuses it', async () => {
		const loader = new FileLoader(fakeDataset() as unknown as Dataset);
		outcomes.push(loadedOutcome('may.csv', 2, 0));
		await loader.load([file('may.csv')]);
		let finish!: () => void;
		store.saving = new Promise<void>((resolve) => (finish = resolve));
		const keeping = loader.setKeep(true);
		await vi.waitFor(() => expect(loader.saving).toBe(true));
		expect(loader.keep).toBe(true);
		finish();
		await keeping;
		expect(loader.saving).toBe(false);
		expect(loader.keepError).toBeUndefined();

		store.saving = Promise.reject(new Error('The quota has been exceeded.'));
		await loader.setKeep(true);
		expect(loader.keep).toBe(false);
		expect(loader.saving).toBe(false);
		expect(loader.keepError).toBe('This data could not be kept on this device: The quota has been exceeded.');
		store.saving = undefined;
	});
});
