import { z } from 'zod';
import { filtersSchema } from './filters';

/** The page a cohort opens on; any other page makes it a saved view of that page. */
export const cohortPage = '/cohorts/';

/**
 * A named, saved filter set: a cohort (opened on the Cohorts page) or a view of another page. It holds
 * choices, never data: the filters, publication mode, the trend grain, and the fingerprint of the dataset
 * it was saved on, so reopening it on other data can say so.
 */
export const savedViewSchema = z.object({
	name: z.string().trim().min(1).max(120),
	/** The page's path, e.g. '/cohorts/' or '/trends/'. */
	page: z.string().regex(/^\/(?:[a-z-]+\/)?$/),
	filters: filtersSchema,
	publication: z.boolean(),
	grain: z.enum(['month', 'quarter']),
	/** `datasetFingerprint` of the data loaded when it was saved. */
	dataset: z
		.string()
		.regex(/^[0-9a-f]{16}$/)
		.optional(),
	savedAt: z.iso.datetime()
});
export type SavedView = z.infer<typeof savedViewSchema>;

/** The JSON file cohorts are exported to and imported from. */
export const savedViewsFileSchema = z.object({
	format: z.literal('sightline-saved-views'),
	version: z.literal(1),
	views: z.array(savedViewSchema)
});

/**
 * Saved views as the JSON file the Cohorts page exports: each view passed through its schema first, so
 * fields are written in the schema's order and the same views always make the same file.
 */
export function savedViewsToJson(views: readonly SavedView[]): string {
	const file = {
		format: 'sightline-saved-views',
		version: 1,
		views: views.map((view) => savedViewSchema.parse(view))
	};
	return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * A saved-views JSON file read back: the views, or one sentence saying why the file cannot be used (not
 * JSON, another kind of file, or the first field that does not fit).
 */
export function savedViewsFromJson(text: string): { views: SavedView[] } | { error: string } {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return { error: 'This file is not JSON.' };
	}
	const parsed = savedViewsFileSchema.safeParse(value);
	if (parsed.success) return { views: parsed.data.views };
	const issue = parsed.error.issues[0]!;
	return issue.path[0] === 'format' || issue.path[0] === 'version'
		? { error: 'This is not a Sightline cohorts file (format "sightline-saved-views", version 1).' }
		: { error: `This cohorts file does not fit: ${issue.path.join('.') || 'file'}: ${issue.message}.` };
}
