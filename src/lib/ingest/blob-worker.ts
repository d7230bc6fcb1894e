/**
 * The protocol of a one-shot file worker: the page posts a chosen file (a `File` is cloned as a handle, not
 * copied), the worker posts back one answer or the error it caught, and the page ends the worker. The
 * Windows-1252 conversion and the file's SHA-256 use it, so a large file is read off the main thread.
 */
export type BlobWorkerReply<T> = { answer: T } | { error: string };

/** The part of a worker's global scope the protocol uses (kept structural so this module needs no webworker lib). */
export interface BlobWorkerScope {
	onmessage: ((event: MessageEvent<Blob>) => unknown) | null;
	postMessage(message: unknown): void;
}

/** Worker side: answer each posted file with `work(file)`, or with the error it threw. */
export function serveBlobs<T>(scope: BlobWorkerScope, work: (file: Blob) => Promise<T>): void {
	scope.onmessage = async (event) => {
		let reply: BlobWorkerReply<T>;
		try {
			reply = { answer: await work(event.data) };
		} catch (error) {
			reply = { error: error instanceof Error ? error.message : String(error) };
		}
		scope.postMessage(reply);
	};
}

/**
 * Page side: post `file` to a worker started for it and settle with its one answer, ending the worker.
 * `failure` begins the message of a failed answer ("The file could not be hashed").
 */
export function askBlobWorker<T>(worker: Worker, file: Blob, failure: string): Promise<T> {
	return new Promise<T>((resolve, reject) => {
		worker.onmessage = (event: MessageEvent<BlobWorkerReply<T>>) => {
			worker.terminate();
			if ('answer' in event.data) resolve(event.data.answer);
			else reject(new Error(`${failure}: ${event.data.error}`));
		};
		worker.onerror = (event) => {
			worker.terminate();
			reject(new Error(`${failure}: ${event.message}`));
		};
		worker.postMessage(file);
	});
}
