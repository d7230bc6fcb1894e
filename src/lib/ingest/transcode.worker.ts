/// <reference lib="webworker" />
import { windows1252BlobToUtf8 } from './windows-1252-to-utf8';

/**
 * Converts a chosen Windows-1252 file to UTF-8 off the main thread, in pieces, for DuckDB's CSV reader (the
 * Data page's staged load). The file comes as a handle (a `File` is cloned by reference) and the UTF-8
 * text goes back as a Blob.
 */
export type TranscodeReply = { utf8: Blob } | { error: string };

self.onmessage = async (event: MessageEvent<Blob>) => {
	try {
		self.postMessage({ utf8: await windows1252BlobToUtf8(event.data) } satisfies TranscodeReply);
	} catch (error) {
		self.postMessage({
			error: error instanceof Error ? error.message : String(error)
		} satisfies TranscodeReply);
	}
};
