import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** End-to-end tests: the production build (`npm run build`) served by `vite preview`, driven in Chromium. */
export default defineConfig({
	root: fileURLToPath(new URL('../..', import.meta.url)),
	test: {
		include: ['tests/e2e/**/*.e2e.ts'],
		globalSetup: ['tests/e2e/global-setup.ts'],
		environment: 'node',
		testTimeout: 120_000,
		hookTimeout: 120_000,
		// One browser at a time: the machine has two cores and DuckDB-WASM is CPU-bound.
		fileParallelism: false
	}
});
