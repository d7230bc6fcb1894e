// DuckDB-WASM and Observable Plot need a browser: pages are prerendered as shells and render client-side.
export const ssr = false;
export const prerender = true;
export const trailingSlash = 'always';
