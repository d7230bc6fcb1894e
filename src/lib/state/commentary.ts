import { z } from 'zod';

/**
 * The analyst's commentary for one section of one board pack: what the figures show, why, and what the
 * partnership is doing about it. It holds no child data (the analyst writes it about published figures),
 * so it is kept on the device whatever the data-persistence setting, and leaves only as a file the user
 * exports or as part of the printed pack.
 */
export const sectionCommentarySchema = z.object({
	shows: z.string().max(4000).default(''),
	why: z.string().max(4000).default(''),
	doing: z.string().max(4000).default('')
});
export type SectionCommentary = z.infer<typeof sectionCommentarySchema>;

/** Every pack's commentary, by {@link commentaryKey}. The export file is this object with a version. */
export const commentaryFileSchema = z.object({
	kind: z.literal('sightline-board-pack-commentary'),
	version: z.literal(1),
	sections: z.record(z.string().max(200), sectionCommentarySchema)
});
export type CommentaryFile = z.infer<typeof commentaryFileSchema>;

/** One section of one pack: the quarter (its first day), the area ("all" or a district code), the theme. */
export function commentaryKey(quarter: string, area: string, section: string): string {
	return `${quarter}|${area}|${section}`;
}

export const emptyCommentary: SectionCommentary = { shows: '', why: '', doing: '' };

/** Whether a section has anything written. */
export function hasCommentary(commentary: SectionCommentary | undefined): boolean {
	return !!commentary && Object.values(commentary).some((text) => text.trim() !== '');
}

/** The export file for a set of sections. */
export function commentaryFile(sections: Record<string, SectionCommentary>): CommentaryFile {
	return { kind: 'sightline-board-pack-commentary', version: 1, sections };
}

/**
 * Read an imported commentary file; a clear message rather than a throw for anything else, since the
 * user may pick the wrong file.
 */
export function parseCommentaryFile(
	text: string
): { ok: true; file: CommentaryFile } | { ok: false; message: string } {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		return { ok: false, message: 'This file is not a commentary file: it is not JSON.' };
	}
	const parsed = commentaryFileSchema.safeParse(json);
	return parsed.success
		? { ok: true, file: parsed.data }
		: { ok: false, message: 'This file is not a Sightline board pack commentary file (version 1).' };
}
