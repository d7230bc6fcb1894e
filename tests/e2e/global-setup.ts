import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';

const port = Number(process.env.E2E_PORT ?? 4317);

async function waitForServer(url: string, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		try {
			const response = await fetch(url);
			if (response.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(`Preview server did not start at ${url}`);
}

/** Serve the production build once for all e2e files. */
export default async function setup(project: TestProject) {
	if (!existsSync('build/index.html')) throw new Error('No production build: run `npm run build` first.');
	const server: ChildProcess = spawn(
		'npx',
		['vite', 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
		{
			stdio: ['ignore', 'ignore', 'inherit'],
			detached: true
		}
	);
	const baseUrl = `http://127.0.0.1:${port}`;
	await waitForServer(`${baseUrl}/`, 30_000);
	project.provide('baseUrl', baseUrl);
	return () => {
		if (server.pid) process.kill(-server.pid, 'SIGTERM');
	};
}

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
	}
}
