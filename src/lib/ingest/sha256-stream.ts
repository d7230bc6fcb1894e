import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/**
 * SHA-256 of a file read piece by piece, as lowercase hex: the same digest as `sha256Hex` over the whole
 * bytes, without ever holding them. Web Crypto has no incremental digest, so a file of gigabytes would have
 * to sit whole in memory to be hashed; `@noble/hashes` (audited, no dependencies) hashes as the pieces come.
 */
export async function sha256OfStream(
	pieces: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>
): Promise<string> {
	const hash = sha256.create();
	for await (const piece of pieces as AsyncIterable<Uint8Array>) hash.update(piece);
	return bytesToHex(hash.digest());
}

/** SHA-256 of a file or blob, read through its stream (the browser hands it over in pieces). */
export const sha256OfBlob = (blob: Blob): Promise<string> =>
	sha256OfStream(blob.stream() as ReadableStream<Uint8Array>);
