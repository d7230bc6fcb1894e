import type { Grain } from '$lib/domain/calendar';
import { periodEnd, periodStart } from '$lib/domain/calendar';
import type { FilterKey, Filters } from '$lib/domain/filters';
import { episodeFacts, referralFacts } from './derived';
import {
	episodeColumns,
	filterApplies,
	filterPredicate,
	referralColumns,
	type FilterColumns
} from './filters';
import { cellOrder } from './cubes';
import { childCount, type Keyed } from './keyed-count';
import { childCellHash } from './record-keys';
import { periodEdges, type DayRange } from './period-edges';
import { and, ident, join, sql, type Sql } from './sql';

/**
 * Distinct children per month or quarter without reading the facts (issue 14): the Overview's and Trends'
 * children by month, the Missing page's children missing by month. Distinct counts do not add up across
 * cells, except for a child whose rows in a period all fall in one cell of the cube's dimensions (a *pure*
 * child-period): any filter on those dimensions keeps all of their rows there or none, and any grouping by
 * them puts the child in that one cell. So per period the table holds
 * - the pure child-periods counted per cell (`pure`, `children`, `child_key_sum`: the sum of their children's
 *   hashes, so the cell key is the one a distinct count gives), and
 * - one row per cell of each other child-period (`pure` false, with its `child_key` and hash), which a query
 *   counts distinct, as the facts path does.
 * At 1M referrals and 1.58M episodes (the bench extract) the tables hold 12,718 rows (474 of them impure)
 * for referrals by month, 8,856 (3,916) by quarter, 11,731 (7,339) for episodes by month and 37,911
 * (36,399) by quarter: the size of the referral cube (12,247), not of the facts.
 * The two halves hold different children in each period, so a count is their sum. A child cube answers
 * the filters on its dimensions, with a period of whole months (whole quarters for the quarter cube); other
 * filters send the count back to the facts (`childrenIn`).
 */
export interface ChildCube {
	table: Sql;
	facts: Sql;
	factsColumns: FilterColumns;
	/** The filters it answers, as its columns. */
	columns: FilterColumns;
	/** Its dimensions besides the period (`month`: the first day of the month or quarter). */
	dimensions: readonly string[];
	grain: Grain;
	/**
	 * Whether a period that starts or ends within one of its periods is answered from its whole periods and
	 * the facts' part periods (`childrenIn`), rather than from the facts alone.
	 */
	partPeriods?: boolean;
}

const referralDimensions = ['district', 'age_band', 'gender', 'looked_after'];
/**
 * Episodes keep the single year of age at the start besides its band (as the episode cube does), so an age
 * range is answered here too; a child is rarely in two ages within one month or quarter, so few child-periods
 * lose their purity to it.
 */
const episodeDimensions = ['district', 'age_at_start', 'age_band', 'looked_after'];

function childCube(kind: 'referral' | 'episode', grain: Grain): ChildCube {
	const referral = kind === 'referral';
	return {
		table: ident(`${kind}_children_${grain}`),
		facts: referral ? referralFacts : episodeFacts,
		factsColumns: referral ? referralColumns : episodeColumns,
		columns: {
			date: 'month',
			...(referral ? { ageBand: 'age_band', gender: 'gender' } : { age: 'age_at_start' }),
			district: 'district',
			lookedAfter: 'looked_after'
		},
		dimensions: referral ? referralDimensions : episodeDimensions,
		grain,
		partPeriods: !referral
	};
}

export const referralChildCubes: Record<Grain, ChildCube> = {
	month: childCube('referral', 'month'),
	quarter: childCube('referral', 'quarter')
};
export const episodeChildCubes: Record<Grain, ChildCube> = {
	month: childCube('episode', 'month'),
	quarter: childCube('episode', 'quarter')
};

/**
 * Children referred by the cohort filters' dimensions too (issue 14): the single year of age, intervention
 * and furthest stage besides district, gender and looked-after status, so
 * the Overview's and Trends' children answer an age range, an intervention or a stage without the facts.
 * A child with two referrals in a period that differ in one of them is no longer pure there, so more of
 * them are held one by one: at 1M referrals 185,000 rows by month (19,787 impure) and 146,000 by quarter
 * (66,882 impure), against 1M facts rows. Used only where the smaller cube cannot answer.
 */
function cohortChildCube(grain: Grain): ChildCube {
	return {
		...childCube('referral', grain),
		table: ident(`referral_cohort_children_${grain}`),
		columns: {
			date: 'month',
			age: 'age_at_referral',
			gender: 'gender',
			district: 'district',
			lookedAfter: 'looked_after',
			intervention: 'intervention',
			stage: 'pathway_stage'
		},
		// The band follows from the age: a dimension only to group by, as in the other referral child cubes.
		dimensions: [
			'district',
			'age_at_referral',
			'age_band',
			'gender',
			'looked_after',
			'intervention',
			'pathway_stage'
		]
	};
}

export const referralCohortChildCubes: Record<Grain, ChildCube> = {
	month: cohortChildCube('month'),
	quarter: cohortChildCube('quarter')
};

/** The referral child cube of a grain, then its cohort cube: the sources of distinct children referred. */
export const referralChildCounting = (grain: Grain): readonly ChildCube[] => [
	referralChildCubes[grain],
	referralCohortChildCubes[grain]
];

/** Every child cube, in the order they are built after the facts (derived tables to refresh on a load). */
export const childCubes = (): readonly ChildCube[] => [
	...Object.values(referralChildCubes),
	...Object.values(episodeChildCubes),
	...Object.values(referralCohortChildCubes)
];

/**
 * Build a child cube from its facts; run after the facts are built. A row its child has alone in its period
 * (the facts' `solo_month` / `solo_quarter`: at 1M referrals all but 2% by month, 7% by quarter) is a pure
 * child-period by itself, so those rows are counted per cell straight away; only the other rows are grouped
 * by child to find which of their child-periods are pure, which spares grouping every row by child.
 */
export function buildChildCube(cube: ChildCube): Sql {
	return sql`CREATE OR REPLACE TABLE ${cube.table} AS ${childCubeRows(cube)} ORDER BY ${childCellOrder(cube)}`;
}

/** Rows by district, then period, as the cubes' cells are (`cellOrder`): a district click skips the rest. */
const childCellOrder = (cube: ChildCube): Sql => cellOrder(['month', ...cube.dimensions]);

/** The first day of a facts row's period in a child cube of this grain. */
const periodOf = (grain: Grain): Sql =>
	grain === 'month' ? sql`month` : sql`CAST(date_trunc('quarter', month) AS DATE)`;

/**
 * The rows of a child cube, of every period or of those listed in `periods` (one column, `month`). A period's
 * rows depend on the facts rows in that period alone (whether a child is pure is decided within it), so an
 * append rebuilds only the periods whose rows it changed.
 */
function childCubeRows(cube: ChildCube, periods?: Sql, days?: DayRange): Sql {
	const period = periodOf(cube.grain);
	const solo = ident(`solo_${cube.grain}`);
	const dimensions = join(cube.dimensions.map((name) => ident(name)));
	const inPeriods = and(
		periods ? sql`${period} IN (SELECT month FROM ${periods})` : undefined,
		days
			? sql`${ident(cube.factsColumns.date)} BETWEEN CAST(${days.from} AS DATE) AND CAST(${days.to} AS DATE)`
			: undefined
	);
	return sql`WITH cells AS (
	SELECT ${period} AS month, ${dimensions}, child_key, any_value(${childCellHash}) AS ${childCellHash}
	FROM ${cube.facts}
	WHERE NOT ${solo} AND ${inPeriods}
	GROUP BY ALL
),
marked AS (
	SELECT *, count(*) OVER (PARTITION BY month, child_key) = 1 AS pure
	FROM cells
),
pure AS (
	SELECT ${period} AS month, ${dimensions}, ${childCellHash} FROM ${cube.facts} WHERE ${solo} AND ${inPeriods}
	UNION ALL
	SELECT month, ${dimensions}, ${childCellHash} FROM marked WHERE pure
)
SELECT month, ${dimensions}, TRUE AS pure, CAST(NULL AS INTEGER) AS child_key,
	CAST(count(*) AS INTEGER) AS children, CAST(sum(${childCellHash}) AS HUGEINT) AS child_key_sum
FROM pure
GROUP BY ALL
UNION ALL
SELECT month, ${dimensions}, FALSE, child_key, 1, CAST(${childCellHash} AS HUGEINT)
FROM marked
WHERE NOT pure`;
}

/**
 * Bring a child cube up to date after an append: the periods holding rows of the touched `children` before
 * (`removed`) or after (`added`) are rebuilt from the facts, the rest kept. The other rows an append replaces
 * (`followed_up` moved on) keep their period and cell, so they change nothing here.
 */
export function appendChildCube(cube: ChildCube, children: Sql, removed: Sql, added: Sql): Sql[] {
	const periods = ident(`append_${cube.table.text.replaceAll('"', '')}_periods`);
	const touched = (facts: Sql) =>
		sql`SELECT ${periodOf(cube.grain)} AS month FROM ${facts} WHERE child_id IN (SELECT child_id FROM ${children})`;
	return [
		sql`CREATE OR REPLACE TABLE ${periods} AS SELECT DISTINCT month FROM (${touched(removed)} UNION ALL ${touched(added)})`,
		sql`DELETE FROM ${cube.table} WHERE month IN (SELECT month FROM ${periods})`,
		sql`INSERT INTO ${cube.table} ${childCubeRows(cube, periods)} ORDER BY ${childCellOrder(cube)}`,
		sql`DROP TABLE ${periods}`
	];
}

/**
 * The child cube's rows over a period that starts or ends within one of its periods (issue 14): the whole
 * periods' rows from the cube, and the part periods' rows built from the facts rows of those days alone, as
 * the cube builds a period's rows (a child is pure when all their rows in the part period share a cell).
 * Each period is read from one side only, so its distinct children are those of the facts. A subquery with
 * the cube's columns.
 */
function rowsOverPeriod(cube: ChildCube, from: string | undefined, to: string | undefined): Sql {
	const { wholeFrom, wholeUntil, edges } = periodEdges(from, to, cube.grain);
	const whole = and(
		wholeFrom === undefined ? undefined : sql`month >= CAST(${wholeFrom} AS DATE)`,
		wholeUntil === undefined ? undefined : sql`month < CAST(${wholeUntil} AS DATE)`
	);
	const parts = edges.map(
		(edge) => sql`
UNION ALL
(${childCubeRows(cube, undefined, edge)})`
	);
	return sql`(SELECT * FROM ${cube.table} WHERE ${whole}${join(parts, '')})`;
}

/** Whether the child cube holds the answer for these filters (less those left out). */
export function childCubeAnswers(
	cube: ChildCube,
	filters: Filters,
	except: readonly FilterKey[] = []
): boolean {
	const active = (Object.keys(filters) as FilterKey[]).filter(
		(key) => !except.includes(key) && filters[key] !== undefined
	);
	if (active.some((key) => filterApplies(cube.factsColumns, key) && !filterApplies(cube.columns, key)))
		return false;
	if (active.includes('from') && periodStart(filters.from!, cube.grain) !== filters.from) return false;
	if (active.includes('to') && periodEnd(periodStart(filters.to!, cube.grain), cube.grain) !== filters.to)
		return false;
	return true;
}

/** Where distinct children per period come from under some filters, and how they are counted there. */
export interface ChildrenSource {
	from: Sql;
	where: Sql;
	/** Distinct children among the rows, within each group of one period (or finer). */
	children: Keyed;
}

/**
 * Distinct children per period (month or quarter, as the cubes' grain) under the filters: from the first
 * child cube of `cubes` that answers them, from the facts (with the solo flag of the period) otherwise. Group
 * only by the period (`month`, or its quarter) and the dimensions every candidate has, which the facts have
 * too.
 */
export function childrenIn(
	cubes: ChildCube | readonly ChildCube[],
	filters: Filters,
	except: readonly FilterKey[] = []
): ChildrenSource {
	const period = (['from', 'to'] as const).filter((key) => !except.includes(key));
	const answering = (cube: ChildCube) => childCubeAnswers(cube, filters, except);
	const answeringOverPeriod = (cube: ChildCube) =>
		cube.partPeriods === true && childCubeAnswers(cube, filters, [...except, ...period]);
	const candidates = 'table' in cubes ? [cubes] : cubes;
	const cube = candidates.find((one) => answering(one) || answeringOverPeriod(one)) ?? candidates[0]!;
	const answers = answering(cube);
	const overPeriod = !answers && answeringOverPeriod(cube);
	if (!answers && !overPeriod)
		return {
			from: cube.facts,
			where: filterPredicate(filters, cube.factsColumns, except),
			children: childCount(undefined, cube.grain)
		};
	const bigint = (aggregate: Sql) => sql`CAST(COALESCE(${aggregate}, 0) AS BIGINT)`;
	return {
		from: overPeriod
			? rowsOverPeriod(
					cube,
					period.includes('from') ? filters.from : undefined,
					period.includes('to') ? filters.to : undefined
				)
			: cube.table,
		where: filterPredicate(filters, cube.columns, overPeriod ? [...except, 'from', 'to'] : except),
		children: {
			count: sql`(${bigint(sql`sum(children) FILTER (WHERE pure)`)} + ${bigint(sql`count(DISTINCT child_key) FILTER (WHERE NOT pure)`)})`,
			keySum: sql`(COALESCE(sum(child_key_sum) FILTER (WHERE pure), 0) + COALESCE(sum(DISTINCT child_key_sum) FILTER (WHERE NOT pure), 0))`
		}
	};
}
