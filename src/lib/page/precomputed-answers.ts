import { z } from 'zod';

/**
 * A file the answers were computed from: `referrals` and `missing_episodes` (the extract's tables) and
 * `population` (the population reference), with its SHA-256 as lowercase hex.
 */
const fileSchema = z.object({ name: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

/**
 * A page's answers computed ahead (by DuckDB at build time, `npm run precompute`), with the fingerprint of
 * the files they were computed from and the extent of the data they describe, as the app reads them back.
 */
export const precomputedAnswersSchema = z.object({
	/** Every file the answers depend on: the extract's tables and the population reference. */
	files: z.array(fileSchema).min(1),
	extent: z.object({
		referrals: z.number(),
		first_referral: z.string().nullable(),
		last_referral: z.string().nullable(),
		episodes: z.number()
	}),
	/** What each query gave its view, by `answerKey`. */
	answers: z.record(z.string(), z.array(z.record(z.string(), z.unknown())))
});

export type PrecomputedAnswers = z.infer<typeof precomputedAnswersSchema>;

export type FileFingerprint = z.infer<typeof fileSchema>;

/**
 * The precomputed answers, if `json` holds them and they were computed from exactly `files` (the same names
 * with the same SHA-256, in any order); otherwise undefined, and the views wait for the engine. Answers for
 * other data must never be shown as this data's, however alike the names.
 */
export function precomputedFor(
	json: unknown,
	files: readonly FileFingerprint[]
): PrecomputedAnswers | undefined {
	const parsed = precomputedAnswersSchema.safeParse(json);
	if (!parsed.success) return undefined;
	const fingerprint = (list: readonly FileFingerprint[]) =>
		list
			.map(({ name, sha256 }) => `${name}\n${sha256}`)
			.sort()
			.join('\n');
	return fingerprint(parsed.data.files) === fingerprint(files) ? parsed.data : undefined;
}
