import { describe, expect, it } from 'vitest';
import { commentaryFile, commentaryKey, hasCommentary, parseCommentaryFile } from '$lib/state/commentary';

describe('board pack commentary file', () => {
	it('round-trips through JSON and the zod schema', () => {
		const sections = {
			[commentaryKey('2026-07-01', 'all', 'missing')]: {
				shows: 'Missing episodes rose in Fenland.',
				why: 'A new children’s home opened in July.',
				doing: 'Return interviews are offered within 72 hours.'
			}
		};
		const parsed = parseCommentaryFile(JSON.stringify(commentaryFile(sections)));
		expect(parsed).toEqual({ ok: true, file: commentaryFile(sections) });
	});

	it('refuses other files with a message, never a throw', () => {
		expect(parseCommentaryFile('referral_id,district\n1,fenland')).toEqual({
			ok: false,
			message: 'This file is not a commentary file: it is not JSON.'
		});
		expect(parseCommentaryFile(JSON.stringify({ kind: 'cohorts', version: 1 }))).toMatchObject({ ok: false });
		expect(
			parseCommentaryFile(
				JSON.stringify({ kind: 'sightline-board-pack-commentary', version: 1, sections: { a: { shows: 1 } } })
			)
		).toMatchObject({ ok: false });
	});

	it('knows an empty section from a written one', () => {
		expect(hasCommentary({ shows: ' ', why: '', doing: '' })).toBe(false);
		expect(hasCommentary({ shows: '', why: 'Staffing', doing: '' })).toBe(true);
		expect(hasCommentary(undefined)).toBe(false);
	});
});
