import { askBlobWorker } from './blob-worker';
import { sha256OfBlob } from './sha256-stream';

/**
 * SHA-256 of a chosen file, in pieces: in a worker of its own where there are workers (the browser), so
 * the hashing runs beside the load rather than after it and never holds the page; in place otherwise
 * (Node, where the tests run).
 */
export function sha256File(file: Blob): Promise<string> {
	if (typeof Worker === 'undefined') return sha256OfBlob(file);
	const worker = new Worker(new URL('./sha256.worker.ts', import.meta.url), { type: 'module' });
	return askBlobWorker<string>(worker, file, 'The file could not be hashed');
}
