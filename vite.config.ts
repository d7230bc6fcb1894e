import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	// parquet-wasm and duckdb-wasm ship their own .wasm files; Vite must not pre-bundle them.
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm', 'parquet-wasm'] },
	worker: { format: 'es' },
	// Never inline assets as data: URLs: the CSP allows fetches from the app's own origin only.
	build: {
		target: 'es2022',
		chunkSizeWarningLimit: 2048,
		assetsInlineLimit: 0,
		minify: process.env.NO_MINIFY ? false : 'oxc'
	},
	test: {
		environment: 'node',
		testTimeout: 30_000,
		hookTimeout: 60_000,
		// The machine running the suite has 2 cores; one worker per core, each started once.
		maxWorkers: 2,
		projects: [
			{
				// Node tests share a worker's module graph and its one DuckDB instance (tests/helpers/engine.ts
				// gives each file a database of its own); re-importing the app and re-instantiating DuckDB per
				// file cost far more than the assertions.
				extends: true,
				test: {
					name: 'unit',
					include: ['tests/unit/**/*.test.ts'],
					exclude: ['tests/**/*.svelte.test.ts'],
					isolate: false
				}
			},
			{
				// The automated reader (tests/publication): every page over many views on one shared demo engine.
				extends: true,
				test: {
					name: 'publication',
					// The live audit (reader.live.test.ts) holds issue 9's pass mark against what the app publishes
					// now: part of the suite (about 75 s); `npm run audit:publication` runs it alone.
					include: ['tests/publication/**/*.test.ts'],
					isolate: false,
					testTimeout: 240_000
				}
			},
			{
				// jsdom chart snapshots keep a fresh environment per file.
				extends: true,
				// plot.css is read as text (`?raw`) by the SVG export: Vitest empties stylesheets it does not process.
				test: { name: 'charts', include: ['tests/charts/**/*.test.ts'], css: { include: [/plot\.css/] } }
			},
			{
				// Runes in test files (`*.svelte.test.ts`) need Svelte's client runtime, as the Svelte testing docs
				// advise: the browser entry points, compiled for a client environment; otherwise `$effect` never runs.
				extends: true,
				resolve: { conditions: ['browser'] },
				test: { name: 'runes', include: ['tests/unit/**/*.svelte.test.ts'], environment: 'jsdom' }
			}
		]
	}
});
