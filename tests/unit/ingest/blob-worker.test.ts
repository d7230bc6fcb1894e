import { describe, expect, it } from 'vitest';
import { askBlobWorker, serveBlobs, type BlobWorkerScope } from '../../../src/lib/ingest/blob-worker';

/**
 * A worker and its global scope joined in one process, as the browser joins them across threads: what the
 * page posts reaches the scope's handler, what the scope posts reaches the page's `onmessage`.
 */
function joinedWorker() {
	const page = {
		onmessage: null as ((event: MessageEvent) => void) | null,
		onerror: null as ((event: ErrorEvent) => void) | null,
		terminated: 0,
		postMessage(file: Blob) {
			queueMicrotask(() => void scope.onmessage?.(new MessageEvent('message', { data: file })));
		},
		terminate() {
			page.terminated += 1;
		}
	};
	const scope: BlobWorkerScope = {
		onmessage: null,
		postMessage(message) {
			queueMicrotask(() => page.onmessage?.(new MessageEvent('message', { data: message })));
		}
	};
	return { page, scope, worker: page as unknown as Worker };
}

describe('the one-shot file worker protocol', () => {
	it("gives the page the worker's answer for the posted file and ends the worker", async () => {
		const { page, scope, worker } = joinedWorker();
		serveBlobs(scope, async (file) => `${file.size} bytes: ${await file.text()}`);
		const answer = await askBlobWorker<string>(worker, new Blob(['abc']), 'The file could not be read');
		expect(answer).toBe('3 bytes: abc');
		expect(page.terminated).toBe(1);
	});

	it('turns an error thrown in the worker into a rejection that says what failed, and ends the worker', async () => {
		const { page, scope, worker } = joinedWorker();
		serveBlobs(scope, async () => {
			throw new Error('byte 0x81 is not Windows-1252');
		});
		await expect(
			askBlobWorker(worker, new Blob(['x']), 'The file could not be converted to UTF-8')
		).rejects.toThrow('The file could not be converted to UTF-8: byte 0x81 is not Windows-1252');
		expect(page.terminated).toBe(1);
	});

	it('rejects when the worker itself fails (its script did not load), and ends it', async () => {
		const { page, worker } = joinedWorker();
		const asked = askBlobWorker(worker, new Blob(['x']), 'The file could not be hashed');
		page.onerror?.({ message: 'worker script refused' } as ErrorEvent);
		await expect(asked).rejects.toThrow('The file could not be hashed: worker script refused');
		expect(page.terminated).toBe(1);
	});
});
