import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * Content-Security-Policy: the app talks to its own origin only. Data never leaves the browser, and the
 * DuckDB wasm and worker are served from the app. 'wasm-unsafe-eval' lets WebAssembly compile; inline style
 * attributes are needed by Observable Plot's SVG output.
 */
const csp = {
	'default-src': ['self'],
	'script-src': ['self', 'wasm-unsafe-eval'],
	'worker-src': ['self'],
	'connect-src': ['self'],
	'img-src': ['self', 'data:', 'blob:'],
	'style-src': ['self', 'unsafe-inline'],
	'font-src': ['self'],
	'object-src': ['none'],
	'base-uri': ['self'],
	'form-action': ['self']
};

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ fallback: undefined, strict: true }),
		csp: { mode: 'hash', directives: csp },
		// Relative asset paths let a partnership host the build under any folder of an intranet server.
		paths: { relative: true }
	}
};

export default config;
