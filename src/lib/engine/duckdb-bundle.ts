import type { DuckDBBundle, DuckDBBundles, PlatformFeatures } from '@duckdb/duckdb-wasm';

/**
 * Which DuckDB-WASM build to start: the threaded (`coi`) build only where the page is cross-origin isolated
 * (it needs SharedArrayBuffer, which browsers give only to isolated pages) and the browser has wasm
 * exceptions, SIMD and threads; else the exception-handling build; else the baseline. The same rule as
 * DuckDB-WASM's own `selectBundle` (v1.32), written out here so a test can hold the app to it without a
 * browser.
 */
export function chooseBundle(features: PlatformFeatures, bundles: DuckDBBundles): DuckDBBundle {
	if (features.wasmExceptions) {
		const threaded = features.wasmSIMD && features.wasmThreads && features.crossOriginIsolated;
		if (threaded && bundles.coi) return { ...bundles.coi };
		if (bundles.eh) return { ...bundles.eh, pthreadWorker: null };
	}
	return { ...bundles.mvp, pthreadWorker: null };
}

/**
 * DuckDB's thread budget for a build: every core the browser reports for the threaded build (its pthread
 * workers), one otherwise (the other builds cannot start a thread).
 */
export function threadsFor(bundle: DuckDBBundle, hardwareConcurrency: number | undefined): number {
	return bundle.pthreadWorker === null ? 1 : Math.max(1, hardwareConcurrency ?? 1);
}
