import { indicatorColumns, type IndicatorColumn } from '$lib/contract';
import type { Filters } from '$lib/state/filters';
import { assessedMask, indicatorBit, presentMask, referralFacts } from './derived';
import { filterPredicate, referralColumns, type FilterColumns } from './filters';
import { ident, join, sql, Sql } from './sql';

/**
 * Referral counts pre-aggregated by month × district × age band × gender × looked-after, with indicator
 * counts as measures (the suggestion, after Mosaic's data cubes). At 1M referrals it holds about
 * 12,000 rows, so a filter change that it can answer sums a few thousand rows instead of scanning a million.
 * Counting queries ask `referralCounts` for their source: the cube when every active filter is one of its
 * dimensions and the period is whole months, the facts table otherwise; both give the same numbers.
 */
export const referralCube = ident('referral_cube');

/** A count of referrals for which something holds: a 0/1 expression per facts row, a column of the cube. */
interface Measure {
	name: string;
	perReferral: Sql;
}

const bitOf = (mask: Sql, column: IndicatorColumn) =>
	sql`(${mask} >> ${Math.log2(indicatorBit(column))}) & 1`;

const measures = {
	referrals: { name: 'referrals', perReferral: new Sql('1') },
	repeat_referrals: { name: 'repeat_referrals', perReferral: new Sql('CAST(is_repeat AS INTEGER)') },
	under_15: { name: 'under_15', perReferral: new Sql('CAST(age_at_referral < 15 AS INTEGER)') }
} satisfies Record<string, Measure>;

const presentMeasure = (column: IndicatorColumn): Measure => ({
	name: `present_${column}`,
	perReferral: bitOf(presentMask, column)
});
const assessedMeasure = (column: IndicatorColumn): Measure => ({
	name: `assessed_${column}`,
	perReferral: bitOf(assessedMask, column)
});

const allMeasures: Measure[] = [
	...Object.values(measures),
	...indicatorColumns.flatMap((column) => [presentMeasure(column), assessedMeasure(column)])
];

/** The cube's dimensions; a filter on any other column cannot be answered from it. */
const cubeColumns: FilterColumns = {
	date: 'month',
	ageBand: 'age_band',
	district: 'district',
	gender: 'gender',
	lookedAfter: 'looked_after'
};
const dimensions = ['month', 'district', 'age_band', 'gender', 'looked_after'];

/** Build the cube from the facts; run after the facts are built. */
export function buildReferralCube(): Sql {
	const sums = allMeasures.map(
		(measure) => sql`CAST(sum(${measure.perReferral}) AS INTEGER) AS ${ident(measure.name)}`
	);
	return sql`CREATE OR REPLACE TABLE ${referralCube} AS
SELECT ${join(dimensions.map((name) => ident(name)))}, ${join(sums)}
FROM ${referralFacts}
GROUP BY ALL
ORDER BY month`;
}

const isMonthStart = (day: string) => day.endsWith('-01');
const isMonthEnd = (day: string) => {
	const next = new Date(`${day}T00:00:00Z`);
	next.setUTCDate(next.getUTCDate() + 1);
	return next.getUTCDate() === 1;
};

/** Whether the cube holds the answer for these filters (less those left out). */
export function cubeAnswers(filters: Filters, except: readonly (keyof Filters)[] = []): boolean {
	const active = (key: keyof Filters) => !except.includes(key) && filters[key] !== undefined;
	if (active('ethnicities') || active('riskLevels') || active('sources')) return false;
	if (active('from') && !isMonthStart(filters.from!)) return false;
	if (active('to') && !isMonthEnd(filters.to!)) return false;
	return true;
}

/** Where referral counts come from for a set of filters, and how each count is aggregated there. */
export interface ReferralCounts {
	from: Sql;
	where: Sql;
	/** Referrals (optionally only those where a dimension predicate holds, e.g. `looked_after`). */
	referrals(where?: Sql): Sql;
	repeatReferrals(): Sql;
	under15(): Sql;
	present(column: IndicatorColumn): Sql;
	assessed(column: IndicatorColumn): Sql;
}

/**
 * The source of referral counts for these filters: the cube when it can answer, otherwise the facts.
 * Every count is a BIGINT, 0 (never NULL) over no rows.
 */
export function referralCounts(filters: Filters, except: readonly (keyof Filters)[] = []): ReferralCounts {
	const fromCube = cubeAnswers(filters, except);
	const total = (measure: Measure, where?: Sql) => {
		const value = fromCube ? ident(measure.name) : measure.perReferral;
		const filter = where ? sql` FILTER (WHERE ${where})` : sql``;
		return sql`CAST(COALESCE(sum(${value})${filter}, 0) AS BIGINT)`;
	};
	return {
		from: fromCube ? referralCube : referralFacts,
		where: filterPredicate(filters, fromCube ? cubeColumns : referralColumns, except),
		referrals: (where) => total(measures.referrals, where),
		repeatReferrals: () => total(measures.repeat_referrals),
		under15: () => total(measures.under_15),
		present: (column) => total(presentMeasure(column)),
		assessed: (column) => total(assessedMeasure(column))
	};
}
