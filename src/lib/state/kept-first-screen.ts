import { z } from 'zod';
import { areaReference, areaSchema, cambridgeshireAndPeterborough, type Area } from '$lib/contract';
import type { Engine } from '$lib/engine/engine';
import type { PageContext, PageDefinition } from '$lib/page/define-page';
import { firstScreenContext } from '$lib/page/first-screen-context';
import { precomputeAnswers } from '$lib/page/precompute-answers';
import {
	precomputedAnswersSchema,
	precomputedFor,
	type FileFingerprint,
	type PrecomputedAnswers
} from '$lib/page/precomputed-answers';
import { dataExtent, type DataExtent } from '$lib/sql/metrics/data-extent';
import { sourceGaps, type DataSource } from './data-source';

/**
 * The version of the kept first screen's record. A record of another version (or none: data kept before
 * there was one) is not shown; the kept data itself still restores, and the views wait for the engine.
 */
export const keptFirstScreenVersion = 1;

const dayRangeSchema = z.object({ from: z.string(), to: z.string() });

const dataSourceSchema = z.object({
	kind: z.enum(['demo', 'files']),
	files: z.array(
		z.object({
			name: z.string(),
			table: z.enum(['referrals', 'missing_episodes']),
			rows: z.number(),
			bytes: z.number(),
			sha256: z.string(),
			days: dayRangeSchema.optional()
		})
	),
	loadedAt: z.string()
});

/**
 * The first screen of data kept on this device, kept with it: the Overview's answers for its first view
 * (`firstScreenContext`), computed by the live engine when the data was kept, through the same publication
 * seam as live queries; with the banner's source and the area reference the views are drawn by. It holds
 * only aggregates of the rows already kept. A reload shows it while DuckDB compiles and the kept rows are
 * restored, then drops it (`Dataset.start`).
 */
export const keptFirstScreenSchema = z.object({
	version: z.literal(keptFirstScreenVersion),
	source: dataSourceSchema,
	/** The area reference the data is charted by, when it is not the bundled one (no population: no view reads it). */
	areas: z.object({ title: z.string(), areas: z.array(areaSchema) }).optional(),
	precomputed: precomputedAnswersSchema
});

export type KeptFirstScreen = z.infer<typeof keptFirstScreenSchema>;

/** The kept files as the answers' fingerprint: each file's table and name, with its SHA-256. */
function fingerprint(source: DataSource): FileFingerprint[] {
	return source.files.map((file) => ({ name: `${file.table}/${file.name}`, sha256: file.sha256 }));
}

/**
 * Compute `definition`'s first-screen answers from the data loaded in `engine` now, to be kept with it;
 * undefined when no file is loaded (nothing to fingerprint).
 */
export async function keptFirstScreen<Scope extends PageContext>(
	definition: PageDefinition<Scope>,
	engine: Engine,
	source: DataSource,
	areas?: { title: string; areas: readonly Area[] }
): Promise<KeptFirstScreen | undefined> {
	if (source.files.length === 0) return undefined;
	const [extent] = await engine.query<DataExtent>(dataExtent());
	const reference = areas ? areaReference(areas.title, areas.areas) : cambridgeshireAndPeterborough;
	const answers = await precomputeAnswers(
		definition,
		firstScreenContext(extent, sourceGaps(source), reference),
		(query) => engine.query(query)
	);
	const precomputed: PrecomputedAnswers = { files: fingerprint(source), extent: extent!, answers };
	return {
		version: keptFirstScreenVersion,
		source,
		...(areas ? { areas: { title: areas.title, areas: [...areas.areas] } } : {}),
		precomputed
	};
}

/**
 * A kept first screen as read back from the device, if it is one of this version and its answers were
 * computed from exactly the files it names; otherwise undefined.
 */
export function readKeptFirstScreen(json: unknown): KeptFirstScreen | undefined {
	const parsed = keptFirstScreenSchema.safeParse(json);
	if (!parsed.success) return undefined;
	const fitting = precomputedFor(parsed.data.precomputed, fingerprint(parsed.data.source));
	return fitting ? parsed.data : undefined;
}
