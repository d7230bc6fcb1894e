import type { Sha256Reply } from './sha256.worker';
import { sha256OfBlob } from './sha256-stream';

/**
 * SHA-256 of a chosen file, in pieces: in a worker of its own where there are workers (the browser), so
 * the hashing runs beside the load rather than after it and never holds the page; in place otherwise
 * (Node, where the tests run). The worker ends with its answer.
 */
export function sha256File(file: Blob): Promise<string> {
	if (typeof Worker === 'undefined') return sha256OfBlob(file);
	const worker = new Worker(new URL('./sha256.worker.ts', import.meta.url), { type: 'module' });
	return new Promise<string>((resolve, reject) => {
		worker.onmessage = (event: MessageEvent<Sha256Reply>) => {
			worker.terminate();
			if ('sha256' in event.data) resolve(event.data.sha256);
			else reject(new Error(`The file could not be hashed: ${event.data.error}`));
		};
		worker.onerror = (event) => {
			worker.terminate();
			reject(new Error(`The file could not be hashed: ${event.message}`));
		};
		worker.postMessage(file);
	});
}
