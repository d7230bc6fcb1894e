import { describe, expect, it } from 'vitest';
import { precomputedFor } from '$lib/page/precomputed-answers';

const hash = (digit: string) => digit.repeat(64);
const files = [
	{ name: 'referrals', sha256: hash('a') },
	{ name: 'missing_episodes', sha256: hash('b') },
	{ name: 'population', sha256: hash('c') }
];
const json = {
	files,
	extent: { referrals: 2, first_referral: '2026-01-01', last_referral: '2026-02-01', episodes: 1 },
	answers: { 'SELECT 1\nnull\n\nfalse': [{ n: 1 }] }
};

describe('precomputedFor', () => {
	it('gives the answers computed from exactly the files about to be loaded, in any order', () => {
		expect(precomputedFor(json, [...files].reverse())?.answers).toEqual(json.answers);
	});

	it('gives nothing when one file differs by a byte (its hash), is missing or is extra', () => {
		expect(
			precomputedFor(json, [files[0]!, files[1]!, { name: 'population', sha256: hash('d') }])
		).toBeUndefined();
		expect(precomputedFor(json, files.slice(0, 2))).toBeUndefined();
		expect(precomputedFor(json, [...files, { name: 'areas', sha256: hash('e') }])).toBeUndefined();
		// The same hashes under other names are other files.
		expect(
			precomputedFor(json, [
				{ name: 'missing_episodes', sha256: hash('a') },
				{ name: 'referrals', sha256: hash('b') },
				files[2]!
			])
		).toBeUndefined();
	});

	it('gives nothing for a file that is not precomputed answers (an HTML error page read as JSON, an old layout)', () => {
		expect(precomputedFor(undefined, files)).toBeUndefined();
		expect(precomputedFor({ files, answers: {} }, files)).toBeUndefined();
		expect(precomputedFor({ ...json, answers: { key: 'rows' } }, files)).toBeUndefined();
	});
});
