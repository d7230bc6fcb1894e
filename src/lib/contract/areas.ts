import { z } from 'zod';
import { enumeration, type Enumeration } from './enumeration';
import { tableContract, type Field, type TableContract } from './field';
import { districts } from './vocabulary';

/**
 * A GSS code of a local authority or district: E06 unitary, E07 non-metropolitan district, E08
 * metropolitan district, E09 London borough, E10 county (and W06, S12, N09 in the other nations).
 */
export const gssCodePattern = /^[EWSN]\d{8}$/;

/** One area of the partnership (a district, a locality, a local authority), as the reference lists it. */
export const areaSchema = z.strictObject({
	/** Stored in the loaded data and written in links: a readable slug (`fenland`, `south_cambridgeshire`). */
	code: z.string().regex(/^[a-z0-9_]{1,60}$/),
	name: z.string().trim().min(1).max(200),
	/** The area's GSS code, recognised in a referral's district column and in a link. */
	gss: z.string().regex(gssCodePattern).optional(),
	/** The local authority the area belongs to (a district's county, a locality's LA), code or name. */
	parent: z.string().min(1).max(200).optional(),
	/** Other spellings seen in extracts ("Hunts", "Peterborough City", a DfE LA number such as "LA 874"). */
	aliases: z.array(z.string().min(1).max(200)).optional()
});
export type Area = z.infer<typeof areaSchema>;

/**
 * The areas the loaded data is charted by: the districts of the filters, the links, the cubes, the chart
 * order and the rates' denominators. Loaded at runtime (the bundled Cambridgeshire and Peterborough list,
 * an ONS mid-year estimate file or a simple areas file), so any partnership can use Sightline.
 */
export interface AreaReference {
	/** The partnership or where the list comes from, for the header and the Data page. */
	readonly title: string;
	/** In chart order. */
	readonly areas: readonly Area[];
	/** The areas as a coded vocabulary (labels = names; aliases = GSS codes and other spellings). */
	readonly enumeration: Enumeration<string>;
	/** The area's code for any of its spellings (code, name, GSS code, alias), else undefined. */
	resolve(text: string): string | undefined;
	/** The area's name for its code; the code itself for an area outside the reference. */
	label(code: string): string;
}

/**
 * The district of a row whose file names no area it can be matched to (a local authority's statutory return
 * with no district column): loaded, counted in every total, and listed under no district.
 */
export const notRecordedArea = { code: 'not_recorded', label: 'Area not recorded' } as const;

/** Compared as extracts spell them: accents folded, case and punctuation ignored (as ingest's normaliseKey). */
const spellingKey = (text: string) =>
	text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '');

/** A readable code for an area name: "King's Lynn and West Norfolk" → `kings_lynn_and_west_norfolk`. */
export function areaSlug(name: string): string {
	const slug = name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/['’]/g, '')
		.replace(/[^a-z0-9]+/g, '_')
		.replace(/^_+|_+$/g, '')
		.slice(0, 60);
	return slug === '' ? 'area' : slug;
}

/**
 * An area reference from its list. Throws, saying which, when the list cannot be one: no areas, a code
 * reused, or one spelling naming two areas (the same name or GSS code twice), so a district cell or a link
 * would be ambiguous.
 */
export function areaReference(title: string, list: readonly Area[]): AreaReference {
	if (list.length === 0) throw new Error(`The area list "${title}" has no areas.`);
	const areas = list.map((area) => areaSchema.parse(area));
	const byKey = new Map<string, string>();
	for (const area of areas) {
		if (area.code === notRecordedArea.code) throw new Error(`"${area.code}" is reserved for no area.`);
		for (const spelling of [area.code, area.name, area.gss, ...(area.aliases ?? [])]) {
			if (spelling === undefined) continue;
			const key = spellingKey(spelling);
			const existing = byKey.get(key);
			if (existing !== undefined && existing !== area.code) {
				throw new Error(
					`In the area list "${title}", "${spelling}" names both ${existing} and ${area.code}.`
				);
			}
			byKey.set(key, area.code);
		}
	}
	const names = new Map(areas.map((area) => [area.code, area.name]));
	return {
		title,
		areas,
		enumeration: enumeration(
			areas.map((area) => ({
				code: area.code,
				label: area.name,
				aliases: [...(area.gss ? [area.gss] : []), ...(area.aliases ?? [])]
			}))
		),
		resolve: (text) => byKey.get(spellingKey(text)),
		label: (code) => names.get(code) ?? (code === notRecordedArea.code ? notRecordedArea.label : code)
	};
}

/** The Cambridgeshire County Council GSS code: the county of the five districts (Peterborough is unitary). */
const cambridgeshireCounty = 'E10000003';

/**
 * The bundled reference: the six districts of Cambridgeshire and Peterborough, the demo extract's areas, in
 * the contract's order (`districts` in vocabulary.ts keeps their codes and spellings).
 */
export const cambridgeshireAndPeterborough: AreaReference = areaReference(
	'Cambridgeshire & Peterborough',
	districts.values.map((value) => {
		const aliases = value.aliases ?? [];
		const gss = aliases.find((alias) => gssCodePattern.test(alias));
		return {
			code: value.code,
			name: value.label,
			...(gss ? { gss } : {}),
			// Peterborough is a unitary authority: its DfE LA number (a CIN census <LEA>) names it alone.
			...(value.code === 'peterborough' ? {} : { parent: cambridgeshireCounty }),
			aliases: [
				...aliases.filter((alias) => alias !== gss),
				...(value.code === 'peterborough' ? ['LA 874'] : [])
			]
		};
	})
);

/** The district vocabulary of the loaded data: the reference's areas, then "area not recorded". */
export function districtVocabulary(reference: AreaReference): Enumeration<string> {
	return enumeration([
		...reference.enumeration.values,
		{ code: notRecordedArea.code, label: notRecordedArea.label }
	]);
}

/**
 * A table of the contract with its district field taking the reference's areas: what ingest validates
 * against and the engine types the column with. A table without a district field is returned as it is.
 */
export function withAreas<Fields extends readonly Field[]>(
	table: TableContract<Fields>,
	reference: AreaReference
): TableContract<Fields> {
	if (!table.fields.some((field) => field.name === 'district')) return table;
	const values = districtVocabulary(reference);
	return tableContract({
		name: table.name,
		label: table.label,
		description: table.description,
		inputOnly: table.inputOnly,
		fields: table.fields.map((field) =>
			field.name === 'district' && field.kind === 'enum' ? { ...field, values } : field
		) as unknown as Fields
	});
}
