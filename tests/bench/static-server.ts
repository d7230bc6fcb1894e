import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';

/** The two headers that make a page cross-origin isolated (README, "Cross-origin isolation"). */
export const isolationHeaders = {
	'cross-origin-opener-policy': 'same-origin',
	'cross-origin-embedder-policy': 'require-corp'
} as const;

const types: Record<string, string> = {
	'.html': 'text/html',
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.wasm': 'application/wasm',
	'.svg': 'image/svg+xml',
	'.csv': 'text/csv'
};

/**
 * Serves the production build (`build/`) as a plain static host would, with or without the isolation
 * headers on every response: `vite preview` cannot send them per server, and two servers of one kind, in one
 * process, keep the comparison fair. `extra` answers paths the bench adds (a bare page), never in the build;
 * `build` is the folder served (another build, e.g. the one before a change, to compare in one run).
 */
export async function startStaticServer(
	port: number,
	isolated: boolean,
	extra: Record<string, string> = {},
	build = 'build'
): Promise<{ baseUrl: string; stop: () => void }> {
	const root = resolve(build);
	if (!existsSync(join(root, 'index.html')))
		throw new Error('No production build: run `npm run build` first.');
	const headers = isolated ? isolationHeaders : {};
	const server: Server = createServer((request, response) => {
		const path = decodeURIComponent(new URL(request.url ?? '/', 'http://host').pathname);
		if (extra[path] !== undefined) {
			response.writeHead(200, { ...headers, 'content-type': 'text/html' });
			response.end(extra[path]);
			return;
		}
		let file = normalize(join(root, path));
		if (file.startsWith(root) && existsSync(file) && statSync(file).isDirectory())
			file = join(file, 'index.html');
		if (!file.startsWith(root) || !existsSync(file)) {
			response.writeHead(404, headers);
			response.end();
			return;
		}
		response.writeHead(200, {
			...headers,
			'content-type': types[extname(file)] ?? 'application/octet-stream'
		});
		response.end(readFileSync(file));
	});
	await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
	return { baseUrl: `http://127.0.0.1:${port}`, stop: () => server.close() };
}
