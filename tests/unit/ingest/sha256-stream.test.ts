import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sha256File } from '$lib/ingest/sha256-file';
import { sha256Hex } from '$lib/ingest/sha256-hex';
import { sha256OfStream } from '$lib/ingest/sha256-stream';

/** The bytes in pieces of the given sizes, cycling, as a stream hands them over. */
async function* pieces(bytes: Uint8Array, sizes: readonly number[]): AsyncGenerator<Uint8Array> {
	let at = 0;
	for (let i = 0; at < bytes.length; i++) {
		const size = sizes[i % sizes.length]!;
		yield bytes.subarray(at, at + size);
		at += size;
	}
}

const text = (value: string) => new TextEncoder().encode(value);

// FIPS 180-2 / NIST CSRC example vectors for SHA-256.
const vectors = [
	['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
	['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
	[
		'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
		'248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'
	],
	['a'.repeat(1_000_000), 'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0']
] as const;

describe('sha256OfStream', () => {
	it('gives the NIST test vectors whatever the pieces (across the 55/56/64-byte padding edges)', async () => {
		for (const [message, digest] of vectors)
			for (const sizes of [[1], [3, 55, 56, 64, 65], [64], [1 << 16]])
				expect(await sha256OfStream(pieces(text(message), sizes))).toBe(digest);
	});

	it("gives the demo files' digests, as their manifest and Web Crypto over the whole bytes give them", async () => {
		const manifest = JSON.parse(readFileSync('data/demo/manifest.json', 'utf8')) as {
			files: { path: string; sha256: string }[];
		};
		expect(manifest.files.map((file) => file.path)).toContain('referrals.csv');
		for (const { path, sha256 } of manifest.files) {
			const bytes = new Uint8Array(readFileSync(`data/demo/${path}`));
			expect(await sha256OfStream(pieces(bytes, [65_536, 1_000]))).toBe(sha256);
			expect(await sha256File(new Blob([bytes]))).toBe(sha256);
			expect(await sha256Hex(bytes)).toBe(sha256);
		}
		expect(await sha256File(new Blob([readFileSync('data/demo/referrals.csv')]))).toBe(
			'08e7d39d7f2fa2ed036d7d3f0aeda1e8c26d18d304b2a4efa94331b187c2b327'
		);
	});
});
