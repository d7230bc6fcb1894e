import { areaSlug, gssCodePattern, populationAgeBands, type Area, type PopulationRow } from '../contract';
import type { PopulationReference } from './read-population';

/**
 * An area reference as plain data (it crosses from the ingest worker to the page): its title, its areas
 * in order and their child population (empty when the file gives none: no rates then).
 */
export interface AreaList {
	readonly title: string;
	readonly areas: readonly Area[];
	readonly population: readonly PopulationRow[];
}

/**
 * Areas with readable, unique codes: the slug of each name (`trafford`), or, when two names give one slug,
 * the slug and the GSS code. A GSS code becomes the area's `gss`; any other code given is kept as an alias.
 */
export function namedAreas(list: readonly { code: string; name: string; parent?: string }[]): {
	areas: Area[];
	codeOf: Map<string, string>;
} {
	const slugs = new Map<string, number>();
	for (const { name } of list) slugs.set(areaSlug(name), (slugs.get(areaSlug(name)) ?? 0) + 1);
	const codeOf = new Map<string, string>();
	const areas = list.map(({ code, name, parent }): Area => {
		const gss = gssCodePattern.test(code.toUpperCase()) ? code.toUpperCase() : undefined;
		const slug = areaSlug(name);
		const unique = slugs.get(slug)! > 1 ? areaSlug(`${slug}_${code}`) : slug;
		codeOf.set(code, unique);
		const aliases = gss === undefined && code !== '' && code !== unique ? [code] : [];
		return {
			code: unique,
			name,
			...(gss ? { gss } : {}),
			...(parent ? { parent } : {}),
			...(aliases.length > 0 ? { aliases } : {})
		};
	});
	return { areas, codeOf };
}

/**
 * The areas of an ONS mid-year estimate file and their children by single year of age 0 to 17 (and by sex
 * where the file gives it): loaded, it
 * becomes the area reference (`source` names the file, and starts "ONS" so the rates say whose estimates).
 */
export function populationAreas(population: PopulationReference, title: string): AreaList {
	const { areas, codeOf } = namedAreas(population.areas);
	return {
		title,
		areas,
		population: population.rows.map((row) => ({
			district: codeOf.get(row.district)!,
			year: row.year,
			age_band: row.age_band satisfies (typeof populationAgeBands.codes)[number],
			sex: row.sex,
			age: row.age,
			children: row.children,
			source: row.source
		}))
	};
}
