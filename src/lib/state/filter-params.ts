import { z } from 'zod';
import {
	ageBands,
	districts,
	ethnicities,
	genders,
	isoDate,
	referralSources,
	riskLevels,
	type Enumeration
} from '$lib/contract';
import type { Grain } from '$lib/domain/calendar';
import { filtersSchema, type Filters } from '$lib/domain/filters';

/*
 * The URL codec of the filters: the URL holds the view, so a shared link reproduces it. The schema itself
 * lives in domain/filters.ts, where the SQL predicate and the summaries read it too.
 */

/** URL parameter name of each filter; short names keep shared links readable. */
const listParams = {
	districts: ['district', districts],
	ageBands: ['age', ageBands],
	genders: ['gender', genders],
	ethnicities: ['ethnicity', ethnicities],
	riskLevels: ['risk', riskLevels],
	sources: ['source', referralSources]
} as const satisfies Record<string, readonly [string, Enumeration]>;

type ListKey = keyof typeof listParams;
const listKeys = Object.keys(listParams) as ListKey[];

/** Filters → URL search params. Only set filters are written; list values keep contract order. */
export function filtersToParams(filters: Filters): URLSearchParams {
	const params = new URLSearchParams();
	if (filters.from !== undefined) params.set('from', filters.from);
	if (filters.to !== undefined) params.set('to', filters.to);
	for (const key of listKeys) {
		const values = filters[key] as readonly string[] | undefined;
		const [name, enumeration] = listParams[key];
		if (values !== undefined) {
			const ordered = enumeration.codes.filter((code) => values.includes(code));
			params.set(name, ordered.join(','));
		}
	}
	if (filters.lookedAfter !== undefined) params.set('looked-after', filters.lookedAfter ? 'yes' : 'no');
	return params;
}

/**
 * URL search params → filters. Unknown or malformed values are dropped one by one (a stale bookmark still
 * opens, with what remains valid), never thrown.
 */
export function filtersFromParams(params: URLSearchParams): Filters {
	const filters: Record<string, unknown> = {};
	for (const key of ['from', 'to'] as const) {
		const value = params.get(key);
		if (value !== null && isoDate.safeParse(value).success) filters[key] = value;
	}
	for (const key of listKeys) {
		const [name, enumeration] = listParams[key];
		const value = params.get(name);
		if (value === null) continue;
		const codes = value.split(',').filter((code) => enumeration.schema.safeParse(code).success);
		filters[key] = codes;
	}
	const lookedAfter = params.get('looked-after');
	if (lookedAfter === 'yes' || lookedAfter === 'no') filters.lookedAfter = lookedAfter === 'yes';
	const parsed = filtersSchema.safeParse(filters);
	return parsed.success ? parsed.data : {};
}

/** Reporting periods of a trend: calendar months or financial quarters (a view setting, not a filter). */
export const grainSchema = z.enum(['month', 'quarter']) satisfies z.ZodType<Grain>;

/** The `grain` URL parameter → a grain; absent or unknown means monthly. */
export function grainFromParam(value: string | null): Grain {
	return grainSchema.catch('month').parse(value ?? undefined);
}
