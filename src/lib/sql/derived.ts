import {
	ageBandRanges,
	ageBands,
	indicatorColumns,
	indicatorLevels,
	presentLevels,
	type IndicatorColumn
} from '$lib/contract';
import { childCellHash, keyedHash, recordKey, recordKeyOf, secretTable } from './record-keys';
import { enumValue, referralEnumIn, referralEnumValue } from './schema';
import { ident, join, literal, sql, Sql } from './sql';
import type { Scratch } from './staging';

/** The derived-facts table every referral metric reads: the contract's columns plus analysis columns. */
export const referralFacts = ident('referral_facts');
export const episodeFacts = ident('episode_facts');
/**
 * Every child in the loaded data numbered 1…n: both facts tables carry the number as `child_key`, because
 * counting distinct integers (children referred, children missing) is about 1.5 times faster than counting
 * distinct IDs. Metrics count and group children by `child_key`; `child_id` stays for display.
 */
export const childKeys = ident('child_keys');

/**
 * Each referral's 12 indicators as two bitmasks (bit i is the contract's i-th indicator): which are present
 * at any level, and which were assessed. Metrics test bits instead of comparing 12 ENUM columns per row,
 * and co-occurrence groups by one small integer.
 */
export const presentMask = ident('present_mask');
export const assessedMask = ident('assessed_mask');
/** How many of the 12 indicators are present on the referral (0–12). */
export const indicatorCount = ident('indicator_count');

/** The bit of an indicator in `present_mask` and `assessed_mask`. */
function indicatorBit(column: IndicatorColumn): number {
	return 1 << indicatorColumns.indexOf(column);
}

const flag = (mask: Sql, column: IndicatorColumn) =>
	sql`(${mask} >> ${indicatorColumns.indexOf(column)}) & 1`;
/** 1 when the indicator is present on the referral (at any level), else 0; never NULL. */
export const presentFlag = (column: IndicatorColumn): Sql => flag(presentMask, column);
/** 1 when the indicator was assessed on the referral, else 0; never NULL. */
export const assessedFlag = (column: IndicatorColumn): Sql => flag(assessedMask, column);

/** Levels that mean the indicator was assessed: all but not assessed (a blank cell is neither). */
const assessedLevels = indicatorLevels.codes.filter((level) => level !== 'not_assessed');

function indicatorMask(test: (column: IndicatorColumn) => Sql): Sql {
	const bits = indicatorColumns.map(
		(column) => sql`CASE WHEN ${test(column)} THEN ${indicatorBit(column)} ELSE 0 END`
	);
	return sql`CAST(${join(bits, ' + ')} AS USMALLINT)`;
}

function ageBandCase(age: Sql): Sql {
	const whens = ageBands.codes.map((code) => {
		const [low, high] = ageBandRanges[code];
		return sql`WHEN ${age} BETWEEN ${low} AND ${high} THEN ${literal(code)}`;
	});
	return sql`CAST(CASE ${join(whens, ' ')} END AS ${ident('age_band_t')})`;
}

/**
 * Whether the row is its child's only row in all the data, in its calendar quarter, in its month
 * (`solo_all`, `solo_quarter`, `solo_month`). Distinct children are the slowest count at 1M rows, and most
 * children have one referral: a child whose only row is in a group counts once there however the rows are
 * filtered, so `childCount` counts solo rows with a plain sum and hashes only the others (keyed-count.ts).
 * The finer flags serve counts whose groups each lie within one month or quarter (monthly series): at 1M
 * referrals 38% of rows are not solo in all the data, 7% in their quarter, about 2% in their month.
 * `byChild` orders each child's rows by date, so a period's rows are neighbours: a row is alone in its period
 * when neither neighbour is in it. Read from the rows' neighbours in the one sort the other windows share, not
 * a count over a partition of its own per period (three more sorts of every row).
 */
function soloColumns(date: Sql): Sql {
	const alone = (value: Sql) =>
		sql`lag(${value}) OVER byChild IS DISTINCT FROM ${value} AND lead(${value}) OVER byChild IS DISTINCT FROM ${value}`;
	return sql`lag(child_key) OVER byChild IS NULL AND lead(child_key) OVER byChild IS NULL AS solo_all,
		${alone(sql`date_trunc('quarter', ${date})`)} AS solo_quarter,
		${alone(sql`date_trunc('month', ${date})`)} AS solo_month`;
}

/**
 * Re-referral after an intervention (metrics/pathway) picks each child's index referral under the filters:
 * their least referral with an intervention recorded by (no intervention after any intervention, date, id).
 * Per load, each such referral gets its place in that order among the child's (`index_order`), whether it is
 * the child's only one (`solo_index`: then it is the index referral whenever it passes the filters), and its
 * outcome, which depends on the referral alone: whether 12 months of data follow it (`followed_up`, up to the
 * last referral loaded) and whether the child was referred again within them (`re_referred`). A filter change
 * then picks the least `index_order` among the other children's rows instead of ordering structs of dates.
 * `solo_index` reads the neighbours in the same window as `index_order`, so the two cost one sort.
 */
const indexReferralColumns = sql`CASE WHEN intervention IS NOT NULL THEN CAST(row_number() OVER byIndex AS INTEGER) END AS index_order,
		intervention IS NOT NULL AND lag(child_key) OVER byIndex IS NULL AND lead(child_key) OVER byIndex IS NULL AS solo_index`;

/**
 * The window columns of a child's only referral, without a window: not a repeat, no next referral, alone in
 * every period, and its own index referral when it has an intervention. Most children have one referral
 * (62% of the rows at 1M), and the windows then sort only the rest.
 */
const soloReferralColumns = sql`SELECT row_id, child_key, ${childCellHash}, FALSE AS is_repeat, CAST(NULL AS DATE) AS next_referral_date,
		TRUE AS solo_all, TRUE AS solo_quarter, TRUE AS solo_month,
		CASE WHEN intervention IS NOT NULL THEN 1 END::INTEGER AS index_order, intervention IS NOT NULL AS solo_index`;

/**
 * Whether 12 months of data follow a referral: the only facts column that depends on rows of other children
 * (the last referral date loaded), so an append that moves it on updates it for every child (append-facts.ts).
 */
export function followedUp(referralDate: Sql): Sql {
	return sql`CAST(${referralDate} + INTERVAL 12 MONTH AS DATE) <= (SELECT max(referral_date) FROM referrals)`;
}

/** Rows of the children listed in `children` only (an append's), or every row. */
const ofChildren = (child: Sql, children?: Sql) =>
	children ? sql`WHERE ${child} IN (SELECT child_id FROM ${children})` : sql``;

/** The age band ENUM the facts' `age_band` column has. */
export const createAgeBandType = (): Sql =>
	sql`CREATE TYPE IF NOT EXISTS ${ident('age_band_t')} AS ENUM (${join(ageBands.codes.map((code) => literal(code)))})`;

/** Number every child in the loaded data (see `childKeys`). */
export const buildChildKeys = (): Sql => sql`CREATE OR REPLACE TABLE ${childKeys} AS
SELECT child_id, CAST(row_number() OVER () AS INTEGER) AS child_key,
	${keyedHash(sql`s.secret`, 'child', sql`child_id`)} AS ${childCellHash}
FROM (SELECT child_id FROM referrals UNION SELECT child_id FROM missing_episodes)
CROSS JOIN ${secretTable} s`;

/**
 * Number the children of `children` that have no number yet after the last one: an append keeps every
 * existing child's number (a surrogate: only its identity matters, so the numbers need not be those a
 * full rebuild would give).
 */
export const appendChildKeys = (children: Sql): Sql => sql`INSERT INTO ${childKeys}
SELECT n.child_id,
	CAST((SELECT COALESCE(max(child_key), 0) FROM ${childKeys}) + row_number() OVER (ORDER BY n.child_id) AS INTEGER),
	${keyedHash(sql`s.secret`, 'child', sql`n.child_id`)}
FROM (SELECT DISTINCT child_id FROM ${children}) n
CROSS JOIN ${secretTable} s
WHERE NOT EXISTS (SELECT 1 FROM ${childKeys} k WHERE k.child_id = n.child_id)`;

/**
 * The referral facts of every child, or of the children listed in `children` (one column, `child_id`). Every
 * analysis column is the row's own or its child's (windows partitioned by child), except `followed_up`, so
 * an append recomputes the rows of the children it touches and nobody else's.
 * The window columns are computed over a narrow projection (row, child number, date, ID, intervention) and
 * joined back to the row by `rowid`: a window sorts everything it carries, and the referral rows are wide. All
 * of them but `next_referral_date` (a frame by date alone) and the index order read two orders of a child's
 * rows, partitioned by the integer child number rather than the text ID.
 */
export function referralFactsQuery(children?: Sql, windows?: Sql, slice?: Sql): Sql {
	const where = [children ? sql`r.child_id IN (SELECT child_id FROM ${children})` : undefined, slice].filter(
		(part) => part !== undefined
	);
	return sql`SELECT r.*,
	w.child_key,
	w.${childCellHash},
	${recordKeyOf(sql`s.secret`, 'referral', sql`r.referral_id`)} AS ${recordKey},
	CAST(date_trunc('month', r.referral_date) AS DATE) AS month,
	${ageBandCase(sql`r.age_at_referral`)} AS age_band,
	${indicatorMask((column) => referralEnumIn(sql`r.${ident(column)}`, column, presentLevels))} AS ${presentMask},
	${indicatorMask((column) => referralEnumIn(sql`r.${ident(column)}`, column, assessedLevels))} AS ${assessedMask},
	CAST(bit_count(${presentMask}) AS UTINYINT) AS ${indicatorCount},
	w.is_repeat,
	w.next_referral_date,
	w.solo_all,
	w.solo_quarter,
	w.solo_month,
	w.index_order,
	w.solo_index,
	${followedUp(sql`r.referral_date`)} AS followed_up,
	COALESCE(w.next_referral_date <= CAST(r.referral_date + INTERVAL 12 MONTH AS DATE), FALSE) AS re_referred
FROM referrals r
JOIN ${windows ?? sql`(${referralWindowsQuery(children)})`} w ON w.row_id = r.rowid
CROSS JOIN ${secretTable} s
${where.length > 0 ? sql`WHERE ${join(where, ' AND ')}` : sql``}
ORDER BY r.referral_date, r.referral_id`;
}

/**
 * The window columns of the referral facts, by `row_id` (the referral's rowid): see `referralFactsQuery`. A
 * child's only referral (most children) needs no window: its columns are constants (`soloReferralColumns`).
 */
export function referralWindowsQuery(children?: Sql): Sql {
	return sql`WITH narrow AS (
		SELECT r.rowid AS row_id, k.child_key, k.${childCellHash}, r.referral_date, r.referral_id, r.intervention,
			count(*) OVER (PARTITION BY k.child_key) AS referrals
		FROM referrals r
		JOIN ${childKeys} k ON k.child_id = r.child_id
		${ofChildren(sql`r.child_id`, children)}
	)
	SELECT row_id, child_key, ${childCellHash},
		COALESCE(lag(referral_date) OVER byChild >= referral_date - INTERVAL 12 MONTH, FALSE) AS is_repeat,
		min(referral_date) OVER (
			PARTITION BY child_key ORDER BY referral_date
			RANGE BETWEEN INTERVAL 1 DAY FOLLOWING AND UNBOUNDED FOLLOWING
		) AS next_referral_date,
		${soloColumns(sql`referral_date`)},
		${indexReferralColumns}
	FROM narrow
	WHERE referrals > 1
	WINDOW byChild AS (PARTITION BY child_key ORDER BY referral_date, referral_id),
		byIndex AS (PARTITION BY child_key, intervention IS NULL ORDER BY intervention = ${referralEnumValue('intervention', 'none')}, referral_date, referral_id)
	UNION ALL
	${soloReferralColumns}
	FROM narrow
	WHERE referrals = 1`;
}

/**
 * The episode facts of every child, or of the children listed in `children`; all per row or per child. The
 * solo flags are windows over a narrow projection joined back by `rowid`, as for referrals; they depend on
 * no order within a day, so the child's rows are ordered by date alone.
 */
export function episodeFactsQuery(children?: Sql, windows?: Sql, slice?: Sql): Sql {
	const where = [children ? sql`e.child_id IN (SELECT child_id FROM ${children})` : undefined, slice].filter(
		(part) => part !== undefined
	);
	return sql`SELECT e.*,
	w.child_key,
	w.${childCellHash},
	${recordKeyOf(sql`s.secret`, 'episode', sql`e.episode_id`)} AS ${recordKey},
	CAST(date_trunc('month', e.start_date) AS DATE) AS month,
	${ageBandCase(sql`e.age_at_start`)} AS age_band,
	e.end_date - e.start_date AS duration_days,
	w.solo_all,
	w.solo_quarter,
	w.solo_month,
	${join(episodeNeighbourColumns.map((name) => sql`w.${ident(name)}`))}
FROM missing_episodes e
JOIN ${windows ?? sql`(${episodeWindowsQuery(children)})`} w ON w.row_id = e.rowid
CROSS JOIN ${secretTable} s
${where.length > 0 ? sql`WHERE ${join(where, ' AND ')}` : sql``}
ORDER BY e.start_date, e.episode_id`;
}

/**
 * The episode facts' columns that place each episode among its child's (issue 14: distinct children over any
 * period without a per-child grouping, `episode-firsts.ts`): the start of the child's episode before and
 * after it (`previous_start`, `next_start`), the same among the child's episodes of its type and of its sex,
 * and whether all the child's episodes lie in one district × looked-after cell (`one_cell`). A child's
 * episodes are ordered by start date, then ID (a total order, so an append computes what a rebuild does):
 * the child's first episode in a period is then the one in it whose previous one starts before it.
 */
export const episodeNeighbourColumns = [
	'previous_start',
	'next_start',
	'previous_type_start',
	'next_type_start',
	'previous_sex_start',
	'next_sex_start',
	'one_cell'
] as const;

/**
 * An episode's sex as the Missing page groups it: no sex is "not recorded", so a child with episodes of each
 * is one child there, and their episodes one run of the same sex among the child's.
 */
export const episodeSexGroup = sql`COALESCE(sex, ${enumValue('missing_episodes', 'sex', 'not_recorded')})`;

/** The window columns of the episode facts, by `row_id` (the episode's rowid): see `episodeFactsQuery`. */
export function episodeWindowsQuery(children?: Sql): Sql {
	// The looked-after status may be NULL (not recorded): a cell of its own, as in a GROUP BY.
	const status = sql`COALESCE(CAST(looked_after AS INTEGER), 2)`;
	return sql`SELECT row_id, child_key, ${childCellHash}, ${soloColumns(sql`start_date`)},
		lag(start_date) OVER byChild AS previous_start,
		lead(start_date) OVER byChild AS next_start,
		lag(start_date) OVER byType AS previous_type_start,
		lead(start_date) OVER byType AS next_type_start,
		lag(start_date) OVER bySex AS previous_sex_start,
		lead(start_date) OVER bySex AS next_sex_start,
		min(district) OVER child = max(district) OVER child AND min(${status}) OVER child = max(${status}) OVER child AS one_cell
	FROM (
		SELECT e.rowid AS row_id, k.child_key, k.${childCellHash}, e.start_date, e.episode_id, e.episode_type, e.sex,
			e.district, e.looked_after
		FROM missing_episodes e
		JOIN ${childKeys} k ON k.child_id = e.child_id
		${ofChildren(sql`e.child_id`, children)}
	)
	WINDOW byChild AS (PARTITION BY child_key ORDER BY start_date, episode_id),
		byType AS (PARTITION BY child_key, episode_type ORDER BY start_date, episode_id),
		bySex AS (PARTITION BY child_key, ${episodeSexGroup} ORDER BY start_date, episode_id),
		child AS (PARTITION BY child_key)`;
}

/** How many consecutive date ranges a facts table is written in (`slicedFacts`). */
const factSlices = 8;

/**
 * Write a facts table from scratch in `factSlices` statements, one per range of its base table's dates (cut at
 * the dates' eighths), in date order, after its window columns are written to a narrow table of their own
 * (issue 14). One statement sorting and writing every wide row held the sort and the whole table uncompressed
 * at once, the largest allocation of a browser load (DuckDB-WASM cannot spill, and the app's database
 * compresses a write only when the next commits); a slice holds an eighth. The slices are consecutive
 * ranges written in order, so the table is in the order one sorted write gives it. The base table's date is
 * required (never NULL); the first slice takes everything below the first cut.
 */
export function slicedFacts(
	facts: Sql,
	windows: Sql,
	windowsQuery: Sql,
	factsQuery: (windows: Sql, slice: Sql) => Sql,
	base: Sql,
	date: Sql
): Sql[] {
	const cut = (at: number) => sql`(SELECT quantile_disc(${date}, ${at / factSlices}) FROM ${base})`;
	const slices = Array.from({ length: factSlices }, (_, at) => {
		const from = at === 0 ? undefined : sql`${date} >= ${cut(at)}`;
		const to = at === factSlices - 1 ? undefined : sql`${date} < ${cut(at + 1)}`;
		return from && to ? sql`${from} AND ${to}` : (from ?? to!);
	});
	return [
		sql`CREATE OR REPLACE TABLE ${windows} AS ${windowsQuery}`,
		sql`CREATE OR REPLACE TABLE ${facts} AS ${factsQuery(windows, slices[0]!)}`,
		...slices.slice(1).map((slice) => sql`INSERT INTO ${facts} ${factsQuery(windows, slice)}`),
		sql`DROP TABLE ${windows}`
	];
}

/**
 * Base tables of more rows than this have their facts written in date slices (`slicedFacts`); smaller ones in
 * one statement, which is quicker for a small table (nine statements' fixed cost) and needs no slicing
 * (at 1M referrals the one statement took DuckDB-WASM's memory 0.32 GB higher, the slices 0.17 GB).
 */
export const sliceFactsAbove = 1_000_000;

/**
 * Whether a facts table of `rows` base rows is written in date slices. Only an engine that cannot spill
 * (`scratch` 'database': DuckDB-WASM, its 4 GB) slices: native DuckDB (`temporary`) sorts and writes the
 * whole table in one statement at any size, spilling what exceeds its memory limit, with no windows table
 * to write and drop: at 3M referrals the facts and cubes took 0.79 times the CPU (0.81 times the time) they
 * took in slices (README, *Outgrowing the browser*).
 */
export const slicesFacts = (rows: number, scratch: Scratch): boolean =>
	scratch === 'database' && rows > sliceFactsAbove;

/** The referral facts of every child, in one statement or in date slices (`slicesFacts`). */
export const buildReferralFacts = (rows = 0, scratch: Scratch = 'database'): Sql[] =>
	slicesFacts(rows, scratch)
		? slicedFacts(
				referralFacts,
				ident('referral_windows'),
				referralWindowsQuery(),
				(windows, slice) => referralFactsQuery(undefined, windows, slice),
				ident('referrals'),
				sql`referral_date`
			)
		: [sql`CREATE OR REPLACE TABLE ${referralFacts} AS ${referralFactsQuery()}`];

/** The episode facts of every child, in one statement or in date slices (`slicesFacts`). */
export const buildEpisodeFacts = (rows = 0, scratch: Scratch = 'database'): Sql[] =>
	slicesFacts(rows, scratch)
		? slicedFacts(
				episodeFacts,
				ident('episode_windows'),
				episodeWindowsQuery(),
				(windows, slice) => episodeFactsQuery(undefined, windows, slice),
				ident('missing_episodes'),
				sql`start_date`
			)
		: [sql`CREATE OR REPLACE TABLE ${episodeFacts} AS ${episodeFactsQuery()}`];

/**
 * Build the facts tables after every load. A referral is a repeat referral when the same child had a
 * previous referral in the 12 months before it (DfE re-referral definition), looking across all loaded data
 * so that filters never change whether a referral counts as a repeat; `next_referral_date` is the child's
 * next referral on a later day, likewise across all loaded data (re-referral after an intervention). Rows
 * are sorted by date, which lets DuckDB skip row groups for period filters. Every referral and episode gets
 * its `record_key` and every child its `child_cell_hash` from the partnership secret (record-keys.ts).
 */
export function buildFacts(): Sql[] {
	return [createAgeBandType(), buildChildKeys(), ...buildReferralFacts(), ...buildEpisodeFacts()];
}
