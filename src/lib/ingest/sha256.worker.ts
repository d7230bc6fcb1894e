/// <reference lib="webworker" />
import { sha256OfBlob } from './sha256-stream';

/**
 * Hashes a chosen file off the main thread (a file of gigabytes takes seconds to hash), reading it in
 * pieces while DuckDB reads the same file for the staged load. The file is passed by reference (a `File` is
 * cloned as a handle, not copied).
 */
export type Sha256Reply = { sha256: string } | { error: string };

self.onmessage = async (event: MessageEvent<Blob>) => {
	try {
		self.postMessage({ sha256: await sha256OfBlob(event.data) } satisfies Sha256Reply);
	} catch (error) {
		self.postMessage({ error: error instanceof Error ? error.message : String(error) } satisfies Sha256Reply);
	}
};
