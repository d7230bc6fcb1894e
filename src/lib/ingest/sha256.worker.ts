/// <reference lib="webworker" />
import { serveBlobs } from './blob-worker';
import { sha256OfBlob } from './sha256-stream';

/**
 * Hashes a chosen file off the main thread (a file of gigabytes takes seconds to hash), reading it in
 * pieces while DuckDB reads the same file for the staged load.
 */
serveBlobs(self, sha256OfBlob);
