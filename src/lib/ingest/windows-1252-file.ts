import { askBlobWorker } from './blob-worker';
import { windows1252BlobToUtf8 } from './windows-1252-to-utf8';

/**
 * A chosen Windows-1252 file as UTF-8, converted in pieces: in a worker of its own where there are workers
 * (the browser), so the page never holds; in place otherwise (Node, where the tests run).
 */
export function windows1252FileToUtf8(file: Blob): Promise<Blob> {
	if (typeof Worker === 'undefined') return windows1252BlobToUtf8(file);
	const worker = new Worker(new URL('./transcode.worker.ts', import.meta.url), { type: 'module' });
	return askBlobWorker<Blob>(worker, file, 'The file could not be converted to UTF-8');
}
