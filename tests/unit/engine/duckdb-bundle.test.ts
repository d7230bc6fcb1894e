import type { PlatformFeatures } from '@duckdb/duckdb-wasm';
import { describe, expect, it } from 'vitest';
import { chooseBundle, threadsFor } from '$lib/engine/duckdb-bundle';

const bundles = {
	mvp: { mainModule: 'mvp.wasm', mainWorker: 'mvp.worker.js' },
	eh: { mainModule: 'eh.wasm', mainWorker: 'eh.worker.js' },
	coi: { mainModule: 'coi.wasm', mainWorker: 'coi.worker.js', pthreadWorker: 'coi.pthread.worker.js' }
};

/** A current Chromium: everything the threaded build needs, isolated or not as asked. */
const chromium = (crossOriginIsolated: boolean): PlatformFeatures => ({
	bigInt64Array: true,
	crossOriginIsolated,
	wasmExceptions: true,
	wasmSIMD: true,
	wasmBulkMemory: true,
	wasmThreads: true
});

describe('chooseBundle', () => {
	it('starts the threaded build, with its pthread worker, only on a cross-origin isolated page', () => {
		expect(chooseBundle(chromium(true), bundles)).toEqual(bundles.coi);
		expect(chooseBundle(chromium(false), bundles)).toEqual({ ...bundles.eh, pthreadWorker: null });
	});

	it('keeps the exception-handling build when isolated but without wasm threads or SIMD', () => {
		for (const missing of ['wasmThreads', 'wasmSIMD'] as const)
			expect(chooseBundle({ ...chromium(true), [missing]: false }, bundles).mainModule).toBe('eh.wasm');
	});

	it('falls back to the baseline build without wasm exceptions, isolated or not', () => {
		for (const isolated of [true, false])
			expect(chooseBundle({ ...chromium(isolated), wasmExceptions: false }, bundles)).toEqual({
				...bundles.mvp,
				pthreadWorker: null
			});
	});

	it('keeps the exception-handling build when no threaded build is offered', () => {
		const { coi: _coi, ...withoutCoi } = bundles;
		expect(chooseBundle(chromium(true), withoutCoi).mainModule).toBe('eh.wasm');
	});
});

describe('threadsFor', () => {
	it('gives the threaded build every reported core and the others one thread', () => {
		expect(threadsFor(chooseBundle(chromium(true), bundles), 8)).toBe(8);
		expect(threadsFor(chooseBundle(chromium(false), bundles), 8)).toBe(1);
		expect(threadsFor(chooseBundle(chromium(true), bundles), undefined)).toBe(1);
	});
});
