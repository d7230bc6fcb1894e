import { ageBandRanges, indicatorColumns, type AgeBand } from '$lib/contract';
import type { FilterKey, Filters, IndicatorCondition, IndicatorFilter } from '$lib/domain/filters';
import { and, ident, isIn, literal, sql, Sql } from './sql';

/** Which column of a table answers each filter; a filter whose column is absent does not apply. */
export interface FilterColumns {
	date: string;
	/** Age in years, filtered by the bands' ranges… */
	age?: string;
	/** …or the age band itself, where only the band is kept (the cubes). */
	ageBand?: string;
	district?: string;
	gender?: string;
	ethnicity?: string;
	lookedAfter?: string;
	riskLevel?: string;
	source?: string;
	/** The indicator bitmasks of the facts (`present_mask`, `assessed_mask`); both or neither. */
	presentMask?: string;
	assessedMask?: string;
	intervention?: string;
	stage?: string;
	repeat?: string;
	nrm?: string;
}

export const referralColumns: FilterColumns = {
	date: 'referral_date',
	age: 'age_at_referral',
	district: 'district',
	gender: 'gender',
	ethnicity: 'ethnicity',
	lookedAfter: 'looked_after',
	riskLevel: 'risk_level',
	source: 'referral_source',
	presentMask: 'present_mask',
	assessedMask: 'assessed_mask',
	intervention: 'intervention',
	stage: 'pathway_stage',
	repeat: 'is_repeat',
	nrm: 'nrm_referral'
};

export const episodeColumns: FilterColumns = {
	date: 'start_date',
	age: 'age_at_start',
	district: 'district',
	lookedAfter: 'looked_after'
};

/** Which columns can answer each filter. */
const filterTargets: Record<FilterKey, readonly (keyof FilterColumns)[]> = {
	from: ['date'],
	to: ['date'],
	districts: ['district'],
	ageBands: ['age', 'ageBand'],
	// Single years need the age itself: a cube that keeps only the band cannot answer them.
	ageFrom: ['age'],
	ageTo: ['age'],
	genders: ['gender'],
	ethnicities: ['ethnicity'],
	lookedAfter: ['lookedAfter'],
	riskLevels: ['riskLevel'],
	sources: ['source'],
	indicators: ['presentMask'],
	interventions: ['intervention'],
	stages: ['stage'],
	repeat: ['repeat'],
	nrm: ['nrm']
};

/** Whether a table with these columns can apply a filter (one it cannot apply does not restrict it). */
export function filterApplies(columns: FilterColumns, key: FilterKey): boolean {
	return filterTargets[key].some((target) => columns[target] !== undefined);
}

/**
 * The filters none of a page's tables can apply, in the filter bar's order: the bar shows them as not
 * applying rather than let a reader think, say, a gender filter narrowed the missing episodes.
 */
export function filtersNotApplying(tables: readonly FilterColumns[]): FilterKey[] {
	return (Object.keys(filterTargets) as FilterKey[]).filter(
		(key) => !tables.some((columns) => filterApplies(columns, key))
	);
}

function agePredicate(column: Sql, bands: readonly AgeBand[]): Sql {
	if (bands.length === 0) return new Sql('FALSE');
	const ranges = bands.map((band) => {
		const [low, high] = ageBandRanges[band];
		return sql`${column} BETWEEN ${low} AND ${high}`;
	});
	return new Sql(`(${ranges.map((range) => range.text).join(' OR ')})`);
}

/** `column IN (codes)`, where the code `not_recorded` stands for a blank (NULL) value. */
function isInOrBlank(column: Sql, codes: readonly string[]): Sql {
	const recorded = codes.filter((code) => code !== 'not_recorded');
	const blank = codes.includes('not_recorded') ? sql`${column} IS NULL` : undefined;
	const listed = recorded.length > 0 ? sql`${column} IN ${recorded}` : undefined;
	if (listed && blank) return sql`(${listed} OR ${blank})`;
	return listed ?? blank ?? new Sql('FALSE');
}

/**
 * The referral's bits for which a condition holds, given the two masks. Present levels are assessed
 * levels, so `present_mask` is a subset of `assessed_mask`: their XOR is "assessed, not present" (level
 * "none"), and the XOR of `assessed_mask` with all 12 bits is "not assessed".
 */
function conditionBits(condition: IndicatorCondition, present: Sql, assessed: Sql): Sql {
	const allBits = (1 << indicatorColumns.length) - 1;
	if (condition === 'present') return present;
	if (condition === 'absent') return sql`xor(${assessed}, ${present})`;
	return sql`xor(${assessed}, ${literal(allBits)})`;
}

/**
 * The indicator filter on the bitmasks. Each chosen indicator is one condition; with the chosen bits of each
 * condition as a mask m: all of → every condition's bits all set, `(bits & m) = m`; any of → some bit set,
 * `(bits & m) <> 0`; at least n → `bit_count(bits & m)` summed over the conditions ≥ n. No indicator chosen
 * means no filter; "at least n" with n above the number chosen matches nothing, as it says.
 */
export function indicatorPredicate(filter: IndicatorFilter, present: Sql, assessed: Sql): Sql | undefined {
	const masks = new Map<IndicatorCondition, number>();
	for (const [column, condition] of Object.entries(filter.conditions)) {
		if (condition === undefined) continue;
		const bit = 1 << indicatorColumns.indexOf(column as (typeof indicatorColumns)[number]);
		masks.set(condition, (masks.get(condition) ?? 0) | bit);
	}
	if (masks.size === 0) return undefined;
	const terms = [...masks].map(([condition, mask]) => ({
		bits: sql`(${conditionBits(condition, present, assessed)} & ${mask})`,
		mask
	}));
	if (filter.match === 'all') return and(...terms.map(({ bits, mask }) => sql`${bits} = ${mask}`));
	if (filter.match === 'any')
		return new Sql(`(${terms.map(({ bits }) => sql`${bits} <> 0`.text).join(' OR ')})`);
	const matched = terms.map(({ bits }) => sql`bit_count(${bits})`.text).join(' + ');
	return sql`${new Sql(matched)} >= ${filter.atLeast ?? 1}`;
}

/**
 * The WHERE predicate for a set of filters on one table. Values reach SQL only as escaped literals; the
 * `except` list leaves out filters (a chart that cross-filters must not filter itself).
 */
export function filterPredicate(
	filters: Filters,
	columns: FilterColumns,
	except: readonly FilterKey[] = []
): Sql {
	const active = (key: FilterKey) => !except.includes(key) && filters[key] !== undefined;
	const column = (name: string | undefined) => (name === undefined ? undefined : ident(name));
	const date = ident(columns.date);
	const age = column(columns.age);
	const lookedAfter = column(columns.lookedAfter);
	const on = <T>(key: FilterKey, name: string | undefined, build: (column: Sql) => T) => {
		const target = column(name);
		return active(key) && target !== undefined ? build(target) : undefined;
	};
	return and(
		active('from') ? sql`${date} >= CAST(${filters.from!} AS DATE)` : undefined,
		active('to') ? sql`${date} <= CAST(${filters.to!} AS DATE)` : undefined,
		on('districts', columns.district, (c) => isIn(c, filters.districts)),
		age !== undefined && active('ageBands') ? agePredicate(age, filters.ageBands!) : undefined,
		on('ageBands', columns.ageBand, (c) => isIn(c, filters.ageBands)),
		on('ageFrom', columns.age, (c) => sql`${c} >= ${filters.ageFrom!}`),
		on('ageTo', columns.age, (c) => sql`${c} <= ${filters.ageTo!}`),
		on('genders', columns.gender, (c) => isIn(c, filters.genders)),
		on('ethnicities', columns.ethnicity, (c) => isIn(c, filters.ethnicities)),
		lookedAfter !== undefined && active('lookedAfter')
			? sql`${lookedAfter} = ${filters.lookedAfter!}`
			: undefined,
		on('riskLevels', columns.riskLevel, (c) => isIn(c, filters.riskLevels)),
		on('sources', columns.source, (c) => isIn(c, filters.sources)),
		active('indicators') && columns.presentMask !== undefined && columns.assessedMask !== undefined
			? indicatorPredicate(filters.indicators!, ident(columns.presentMask), ident(columns.assessedMask))
			: undefined,
		on('interventions', columns.intervention, (c) => isInOrBlank(c, filters.interventions!)),
		on('stages', columns.stage, (c) => isInOrBlank(c, filters.stages!)),
		on('repeat', columns.repeat, (c) => sql`${c} = ${filters.repeat!}`),
		on('nrm', columns.nrm, (c) => sql`${c} = ${filters.nrm!}`)
	);
}
