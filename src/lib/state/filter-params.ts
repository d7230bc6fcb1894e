import { z } from 'zod';
import {
	ageBands,
	cambridgeshireAndPeterborough,
	ethnicities,
	genders,
	isoDate,
	referralSources,
	riskLevels,
	type AreaReference,
	type Enumeration,
	type IndicatorColumn
} from '$lib/contract';
import type { Grain } from '$lib/domain/calendar';
import {
	filtersSchema,
	indicatorFilterSchema,
	interventionChoices,
	stageChoices,
	type Filters,
	type IndicatorCondition,
	type IndicatorFilter,
	type IndicatorMatch
} from '$lib/domain/filters';

/*
 * The URL codec of the filters: the URL holds the view, so a shared link reproduces it. The schema itself
 * lives in domain/filters.ts, where the SQL predicate and the summaries read it too.
 */

/**
 * URL parameter name of each filter; short names keep shared links readable. Districts are written as the
 * loaded area reference's codes (readable slugs: `fenland`); a link may also name an area by its GSS code.
 */
const districtParam = 'district';
const listParams = {
	ageBands: ['age', ageBands],
	genders: ['gender', genders],
	ethnicities: ['ethnicity', ethnicities],
	riskLevels: ['risk', riskLevels],
	sources: ['source', referralSources],
	interventions: ['intervention', interventionChoices],
	stages: ['stage', stageChoices]
} as const satisfies Record<string, readonly [string, Enumeration]>;

type ListKey = keyof typeof listParams;
const listKeys = Object.keys(listParams) as ListKey[];

/**
 * The URL name of each indicator: short, lower-case and stable (a link must keep working if a label's
 * wording is edited), in contract order.
 */
export const indicatorParamNames = {
	ind_missing: 'missing',
	ind_accommodation: 'accommodation',
	ind_education: 'education',
	ind_drugs: 'drug-use',
	ind_relationships: 'relationships',
	ind_disengagement: 'disengagement',
	ind_coercion: 'coercion',
	ind_mental_health: 'mental-health',
	ind_concerning_adults: 'concerning-adults',
	ind_online: 'online',
	ind_gifts: 'gifts',
	ind_appearance: 'appearance'
} as const satisfies Record<IndicatorColumn, string>;
const indicatorByName = new Map(
	Object.entries(indicatorParamNames).map(([column, name]) => [name as string, column as IndicatorColumn])
);

/** The URL parameter listing the indicators chosen with each condition. */
const conditionParams = {
	present: 'indicators',
	absent: 'not-present',
	not_assessed: 'not-assessed'
} as const satisfies Record<IndicatorCondition, string>;
const conditionKeys = Object.keys(conditionParams) as IndicatorCondition[];

/** `match` values; "all" is the default and is not written. */
const matchParams = { all: 'all', any: 'any', at_least: 'atleast' } as const satisfies Record<
	IndicatorMatch,
	string
>;

const yesNo = (value: boolean) => (value ? 'yes' : 'no');
function fromYesNo(value: string | null): boolean | undefined {
	return value === 'yes' ? true : value === 'no' ? false : undefined;
}

function indicatorsToParams(filter: IndicatorFilter, params: URLSearchParams): void {
	for (const condition of conditionKeys) {
		const names = (Object.keys(indicatorParamNames) as IndicatorColumn[])
			.filter((column) => filter.conditions[column] === condition)
			.map((column) => indicatorParamNames[column]);
		if (names.length > 0) params.set(conditionParams[condition], names.join(','));
	}
	if (filter.match !== 'all') params.set('match', matchParams[filter.match]);
	if (filter.match === 'at_least' && filter.atLeast !== undefined)
		params.set('at-least', String(filter.atLeast));
}

/** The indicator filter from the URL; an indicator named under two conditions is ambiguous and dropped. */
function indicatorsFromParams(params: URLSearchParams): IndicatorFilter | undefined {
	const conditions: Partial<Record<IndicatorColumn, IndicatorCondition>> = {};
	const ambiguous = new Set<IndicatorColumn>();
	for (const condition of conditionKeys) {
		for (const name of params.get(conditionParams[condition])?.split(',') ?? []) {
			const column = indicatorByName.get(name);
			if (column === undefined) continue;
			if (conditions[column] !== undefined && conditions[column] !== condition) ambiguous.add(column);
			conditions[column] = condition;
		}
	}
	for (const column of ambiguous) delete conditions[column];
	if (Object.keys(conditions).length === 0) return undefined;
	const match =
		(Object.keys(matchParams) as IndicatorMatch[]).find((key) => matchParams[key] === params.get('match')) ??
		'all';
	const filter: IndicatorFilter = { conditions, match };
	const atLeast = wholeNumber(params.get('at-least'));
	if (match === 'at_least' && atLeast !== undefined && atLeastSchema.safeParse(atLeast).success)
		filter.atLeast = atLeast;
	return filter;
}

const atLeastSchema = indicatorFilterSchema.shape.atLeast;

/** A whole number written plainly ("14", not "14.0", "1e1" or " 14"), else undefined. */
function wholeNumber(value: string | null): number | undefined {
	return value !== null && /^\d{1,3}$/.test(value) ? Number(value) : undefined;
}

/**
 * Filters → URL search params. Only set filters are written; list values keep contract order (districts
 * the area reference's order).
 */
export function filtersToParams(
	filters: Filters,
	areas: AreaReference = cambridgeshireAndPeterborough
): URLSearchParams {
	const params = new URLSearchParams();
	if (filters.from !== undefined) params.set('from', filters.from);
	if (filters.to !== undefined) params.set('to', filters.to);
	if (filters.districts !== undefined) {
		const chosen = filters.districts;
		params.set(districtParam, areas.enumeration.codes.filter((code) => chosen.includes(code)).join(','));
	}
	for (const key of listKeys) {
		const values = filters[key] as readonly string[] | undefined;
		const [name, enumeration] = listParams[key];
		if (values !== undefined) {
			const ordered = enumeration.codes.filter((code) => values.includes(code));
			params.set(name, ordered.join(','));
		}
	}
	if (filters.lookedAfter !== undefined) params.set('looked-after', yesNo(filters.lookedAfter));
	if (filters.ageFrom !== undefined) params.set('age-from', String(filters.ageFrom));
	if (filters.ageTo !== undefined) params.set('age-to', String(filters.ageTo));
	if (filters.indicators !== undefined) indicatorsToParams(filters.indicators, params);
	if (filters.repeat !== undefined) params.set('repeat', yesNo(filters.repeat));
	if (filters.nrm !== undefined) params.set('nrm', yesNo(filters.nrm));
	return params;
}

/**
 * URL search params → filters. Unknown or malformed values are dropped one by one (a stale bookmark still
 * opens, with what remains valid), never thrown. A list whose every value is unknown is dropped as a whole
 * (shown unfiltered, not as "none"); only an explicitly empty list (`district=`) means nothing selected.
 */
export function filtersFromParams(
	params: URLSearchParams,
	areas: AreaReference = cambridgeshireAndPeterborough
): Filters {
	const filters: Record<string, unknown> = {};
	for (const key of ['from', 'to'] as const) {
		const value = params.get(key);
		if (value !== null && plausibleDay(value)) filters[key] = value;
	}
	// A period that ends before it starts holds no day: a malformed link, not a choice (see `linkNotice`).
	if (typeof filters.from === 'string' && typeof filters.to === 'string' && filters.from > filters.to) {
		delete filters.from;
		delete filters.to;
	}
	const district = params.get(districtParam);
	if (district !== null) {
		// Codes, GSS codes or names of the loaded areas; anything else (another partnership's link) is dropped.
		const codes = [...new Set(district.split(',').flatMap((text) => areas.resolve(text.trim()) ?? []))];
		if (codes.length > 0 || district === '') filters.districts = codes;
	}
	for (const key of listKeys) {
		const [name, enumeration] = listParams[key];
		const value = params.get(name);
		if (value === null) continue;
		const codes = value.split(',').filter((code) => enumeration.schema.safeParse(code).success);
		if (codes.length > 0 || value === '') filters[key] = codes;
	}
	filters.lookedAfter = fromYesNo(params.get('looked-after'));
	filters.repeat = fromYesNo(params.get('repeat'));
	filters.nrm = fromYesNo(params.get('nrm'));
	const age = (name: string) => {
		const value = wholeNumber(params.get(name));
		return filtersSchema.shape.ageFrom.safeParse(value).success ? value : undefined;
	};
	const [ageFrom, ageTo] = [age('age-from'), age('age-to')];
	// A reversed range (from 17 to 14) can match no one: it is a malformed link, not a choice.
	if (ageFrom === undefined || ageTo === undefined || ageFrom <= ageTo) {
		filters.ageFrom = ageFrom;
		filters.ageTo = ageTo;
	}
	filters.indicators = indicatorsFromParams(params);
	for (const key of Object.keys(filters)) if (filters[key] === undefined) delete filters[key];
	const parsed = filtersSchema.safeParse(filters);
	return parsed.success ? parsed.data : {};
}

/**
 * A day a filter can name: an ISO date in 1900–2099. Year 0002 is a valid ISO date, and what a date box
 * holds while "2025" is typed into it; no extract reaches it, and formatting it threw RangeErrors.
 */
export function plausibleDay(value: string): boolean {
	return isoDate.safeParse(value).success && value >= '1900-01-01' && value <= '2099-12-31';
}

/** Every parameter a link may carry: the filters' and the view settings'. */
const knownParams = new Set([
	'from',
	'to',
	districtParam,
	...listKeys.map((key) => listParams[key][0]),
	'looked-after',
	'age-from',
	'age-to',
	...Object.values(conditionParams),
	'match',
	'at-least',
	'repeat',
	'nrm',
	'mode',
	'grain'
]);
const listNames = new Set<string>([
	...listKeys.map((key) => listParams[key][0]),
	...Object.values(conditionParams)
]);

/**
 * What a link asked for that the view does not apply, in words, so that a stale bookmark or a mistyped
 * value is never silently read as "all" (or as "none"): each parameter value that parsing dropped, and a
 * period whose `from` is after its `to`. Empty when the whole link applies. Parameters the app does not
 * know are left alone (a link may carry other sites' tracking parameters).
 */
export function linkNotice(
	params: URLSearchParams,
	areas: AreaReference = cambridgeshireAndPeterborough
): string[] {
	const kept = filtersToParams(filtersFromParams(params, areas), areas);
	if (params.get('mode') === 'publication') kept.set('mode', 'publication');
	if (grainSchema.safeParse(params.get('grain')).success) kept.set('grain', params.get('grain')!);
	// "all" is the default and is never written back, though it applies.
	if (params.get('match') === matchParams.all) kept.set('match', matchParams.all);
	const from = params.get('from');
	const to = params.get('to');
	const reversed = from !== null && to !== null && plausibleDay(from) && plausibleDay(to) && from > to;
	const notes: string[] = [];
	if (reversed) notes.push(`the period from ${from} to ${to} ends before it starts`);
	for (const name of new Set(params.keys())) {
		if (!knownParams.has(name) || (reversed && (name === 'from' || name === 'to'))) continue;
		const value = params.get(name)!;
		const keptValue = kept.get(name);
		if (name === districtParam) {
			// Any spelling of a loaded area applies (a code, a GSS code, a name): only unknown areas are noted.
			const dropped = value.split(',').filter((item) => item.trim() !== '' && !areas.resolve(item.trim()));
			if (dropped.length > 0) notes.push(`${name} ${dropped.map((item) => `“${item}”`).join(', ')}`);
		} else if (listNames.has(name)) {
			const keptValues = new Set(keptValue?.split(',') ?? []);
			const dropped = value.split(',').filter((item) => item !== '' && !keptValues.has(item));
			if (dropped.length > 0) notes.push(`${name} ${dropped.map((item) => `“${item}”`).join(', ')}`);
		} else if (keptValue !== value) {
			notes.push(`${name} “${value}”`);
		}
	}
	return notes;
}

/** Reporting periods of a trend: calendar months or financial quarters (a view setting, not a filter). */
export const grainSchema = z.enum(['month', 'quarter']) satisfies z.ZodType<Grain>;

/** The `grain` URL parameter → a grain; absent or unknown means monthly. */
export function grainFromParam(value: string | null): Grain {
	return grainSchema.catch('month').parse(value ?? undefined);
}
