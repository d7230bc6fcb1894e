import { ageBandRanges, type AgeBand } from '$lib/contract';
import type { Filters } from '$lib/domain/filters';
import { and, ident, isIn, sql, Sql } from './sql';

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
}

export const referralColumns: FilterColumns = {
	date: 'referral_date',
	age: 'age_at_referral',
	district: 'district',
	gender: 'gender',
	ethnicity: 'ethnicity',
	lookedAfter: 'looked_after',
	riskLevel: 'risk_level',
	source: 'referral_source'
};

export const episodeColumns: FilterColumns = {
	date: 'start_date',
	age: 'age_at_start',
	district: 'district',
	lookedAfter: 'looked_after'
};

/** Which columns can answer each filter. */
const filterTargets: Record<keyof Filters, readonly (keyof FilterColumns)[]> = {
	from: ['date'],
	to: ['date'],
	districts: ['district'],
	ageBands: ['age', 'ageBand'],
	genders: ['gender'],
	ethnicities: ['ethnicity'],
	lookedAfter: ['lookedAfter'],
	riskLevels: ['riskLevel'],
	sources: ['source']
};

/** Whether a table with these columns can apply a filter (one it cannot apply does not restrict it). */
export function filterApplies(columns: FilterColumns, key: keyof Filters): boolean {
	return filterTargets[key].some((target) => columns[target] !== undefined);
}

function agePredicate(column: Sql, bands: readonly AgeBand[]): Sql {
	if (bands.length === 0) return new Sql('FALSE');
	const ranges = bands.map((band) => {
		const [low, high] = ageBandRanges[band];
		return sql`${column} BETWEEN ${low} AND ${high}`;
	});
	return new Sql(`(${ranges.map((range) => range.text).join(' OR ')})`);
}

/**
 * The WHERE predicate for a set of filters on one table. Values reach SQL only as escaped literals; the
 * `except` list leaves out filters (a chart that cross-filters must not filter itself).
 */
export function filterPredicate(
	filters: Filters,
	columns: FilterColumns,
	except: readonly (keyof Filters)[] = []
): Sql {
	const active = (key: keyof Filters) => !except.includes(key) && filters[key] !== undefined;
	const column = (name: string | undefined) => (name === undefined ? undefined : ident(name));
	const date = ident(columns.date);
	const age = column(columns.age);
	const lookedAfter = column(columns.lookedAfter);
	const on = <T>(key: keyof Filters, name: string | undefined, build: (column: Sql) => T) => {
		const target = column(name);
		return active(key) && target !== undefined ? build(target) : undefined;
	};
	return and(
		active('from') ? sql`${date} >= CAST(${filters.from!} AS DATE)` : undefined,
		active('to') ? sql`${date} <= CAST(${filters.to!} AS DATE)` : undefined,
		on('districts', columns.district, (c) => isIn(c, filters.districts)),
		age !== undefined && active('ageBands') ? agePredicate(age, filters.ageBands!) : undefined,
		on('ageBands', columns.ageBand, (c) => isIn(c, filters.ageBands)),
		on('genders', columns.gender, (c) => isIn(c, filters.genders)),
		on('ethnicities', columns.ethnicity, (c) => isIn(c, filters.ethnicities)),
		lookedAfter !== undefined && active('lookedAfter')
			? sql`${lookedAfter} = ${filters.lookedAfter!}`
			: undefined,
		on('riskLevels', columns.riskLevel, (c) => isIn(c, filters.riskLevels)),
		on('sources', columns.source, (c) => isIn(c, filters.sources))
	);
}
