/**
 * A short fingerprint of a loaded dataset: 16 hex digits from the SHA-256 of every loaded file, in any
 * order. A saved cohort or a shared link carries it, so the app can say when the data it is opened on are
 * not the data it was made on (a different month's extract gives different counts for the same filters).
 * FNV-1a (64-bit) over the sorted file hashes: the files' SHA-256 already make it content-based, and a
 * synchronous hash keeps it a plain derived value. It tells datasets apart; it is not a security check.
 */
export function datasetFingerprint(fileHashes: readonly string[]): string {
	const text = [...fileHashes]
		.map((hash) => hash.toLowerCase())
		.sort()
		.join(',');
	const prime = 0x100000001b3n;
	const mask = 0xffffffffffffffffn;
	let hash = 0xcbf29ce484222325n;
	for (const byte of new TextEncoder().encode(text)) hash = ((hash ^ BigInt(byte)) * prime) & mask;
	return hash.toString(16).padStart(16, '0');
}
