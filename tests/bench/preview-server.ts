import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Serve the production build for a benchmark; returns the base URL and a stop function. BENCH_PORT chooses
 * the port, so benchmarks run side by side on one machine do not collide.
 */
export async function startPreview(
	port = Number(process.env.BENCH_PORT ?? 4318)
): Promise<{ baseUrl: string; stop: () => void }> {
	if (!existsSync('build/index.html')) throw new Error('No production build: run `npm run build` first.');
	const server = spawn(
		'npx',
		['vite', 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
		{
			stdio: 'ignore',
			detached: true
		}
	);
	const baseUrl = `http://127.0.0.1:${port}`;
	let ready = false;
	for (let attempt = 0; attempt < 300 && !ready; attempt++) {
		try {
			ready = (await fetch(baseUrl)).ok;
		} catch {
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
	}
	if (!ready) throw new Error(`vite preview did not answer at ${baseUrl}`);
	const stop = () => {
		try {
			if (server.pid) process.kill(-server.pid, 'SIGTERM');
		} catch {
			// already gone
		}
	};
	return { baseUrl, stop };
}

export function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function percentile(values: readonly number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
