/// <reference lib="webworker" />
import { serveBlobs } from './blob-worker';
import { windows1252BlobToUtf8 } from './windows-1252-to-utf8';

/**
 * Converts a chosen Windows-1252 file to UTF-8 off the main thread, in pieces, for DuckDB's CSV reader (the
 * Data page's staged load); the UTF-8 text goes back as a Blob.
 */
serveBlobs(self, windows1252BlobToUtf8);
