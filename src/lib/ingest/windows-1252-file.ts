import type { TranscodeReply } from './transcode.worker';
import { windows1252BlobToUtf8 } from './windows-1252-to-utf8';

/**
 * A chosen Windows-1252 file as UTF-8, converted in pieces: in a worker of its own where there are workers
 * (the browser), so the page never holds; in place otherwise (Node, where the tests run). The worker ends
 * with its answer.
 */
export function windows1252FileToUtf8(file: Blob): Promise<Blob> {
	if (typeof Worker === 'undefined') return windows1252BlobToUtf8(file);
	const worker = new Worker(new URL('./transcode.worker.ts', import.meta.url), { type: 'module' });
	return new Promise<Blob>((resolve, reject) => {
		worker.onmessage = (event: MessageEvent<TranscodeReply>) => {
			worker.terminate();
			if ('utf8' in event.data) resolve(event.data.utf8);
			else reject(new Error(`The file could not be converted to UTF-8: ${event.data.error}`));
		};
		worker.onerror = (event) => {
			worker.terminate();
			reject(new Error(`The file could not be converted to UTF-8: ${event.message}`));
		};
		worker.postMessage(file);
	});
}
