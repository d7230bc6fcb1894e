import type { Filters } from '$lib/domain/filters';
import { episodeFacts, referralFacts } from '../../derived';
import { episodeColumns, filterPredicate, referralColumns } from '../../filters';
import { ident, join, literal, sql, type Sql } from '../../sql';
import { ALL_AREAS, areaOfGroup, areaRollup } from '../trends/period-area-grid';
import { KEY_RANGE } from '$lib/publication/ptable';
import { childCellHash } from '../../record-keys';
import {
	childCount,
	keyedAs,
	keyedPartial,
	keyedThrough,
	rowCount,
	type Keyed,
	type SoloPeriod
} from '../../keyed-count';
import { periodEnd, periodStart } from '$lib/domain/calendar';
import { childrenIn, episodeChildCubes, referralChildCounting, type ChildrenSource } from '../../child-cubes';
import { episodeCounts, referralCohortCounting, referralCounts } from '../../cubes';

/** A named span of days, e.g. the current quarter and the two it is compared with. */
export interface CountWindow {
	name: string;
	from: string;
	to: string;
}

export interface ReferralWindowRow {
	span: string;
	/** A district code, or `all`. */
	area: string;
	referrals: number;
	children: number;
	repeat_referrals: number;
	looked_after: number;
	looked_after_known: number;
	under_15: number;
}

export interface EpisodeWindowRow {
	span: string;
	area: string;
	episodes: number;
	children_missing: number;
}

function windowsTable(windows: readonly CountWindow[]): Sql {
	const rows = windows.map(
		({ name, from, to }) => sql`(${literal(name)}, CAST(${from} AS DATE), CAST(${to} AS DATE))`
	);
	return sql`SELECT * FROM (VALUES ${join(rows)}) AS w(name, first_day, last_day)`;
}

/** `all`, then the chosen districts, or every area of the reference (`allAreas`) when none is chosen. */
function areasTable(filters: Filters, allAreas: readonly string[]): Sql {
	const areas = [ALL_AREAS, ...(filters.districts ?? allAreas)];
	return sql`SELECT * FROM (VALUES ${join(areas.map((area) => sql`(${literal(area)})`))}) AS a(area)`;
}

/**
 * The finest solo flag (keyed-count.ts) every window lies within: the latest complete quarter and the two it
 * is compared with are calendar quarters, so each child counted once per window is hashed only when they
 * have two rows in that quarter; a window of other days falls back to solo in all the data.
 */
function soloWithin(windows: readonly CountWindow[]): SoloPeriod {
	const sameQuarter = ({ from, to }: CountWindow) =>
		periodStart(from, 'quarter') === periodStart(to, 'quarter');
	return windows.every(sameQuarter) ? 'quarter' : 'all';
}

/** Whether every window is one calendar quarter, which the cubes and the quarter child cubes can sum. */
const quarterWindows = (windows: readonly CountWindow[]) =>
	windows.every(({ from, to }) => periodStart(from, 'quarter') === from && periodEnd(from, 'quarter') === to);

/** `span`, `area` and the counts per window and district and per window, from a cube joined to the windows. */
function windowCells(from: Sql, where: Sql, measures: readonly (readonly [string, Keyed])[]): Sql {
	return sql`SELECT w.name AS span,
		${areaOfGroup} AS area,
		${join(measures.map(([name, keyed]) => keyedAs(name, keyed)))}
	FROM ${from} JOIN windows w ON month BETWEEN w.first_day AND w.last_day
	WHERE ${where}
	GROUP BY GROUPING SETS ((w.name, district), (w.name))`;
}

/**
 * Window counts from the cubes (issue 14): the counts from a row cube (`counts`), the distinct children from
 * the quarter child cube (`children`), each window being one calendar quarter; every window × area appears,
 * with zeros where nothing matched, in the facts path's columns and order.
 */
function windowCountsFromCubes(
	windows: readonly CountWindow[],
	areas: Sql,
	counts: { from: Sql; where: Sql; measures: readonly (readonly [string, Keyed])[] },
	children: ChildrenSource & { name: string },
	names: readonly string[]
): Sql {
	const through = (name: string) => keyedThrough(name, name === children.name ? 'k' : 'c');
	return sql`WITH windows AS (${windowsTable(windows)}),
areas AS (${areas}),
counts AS (${windowCells(counts.from, counts.where, counts.measures)}),
children AS (${windowCells(children.from, children.where, [[children.name, children.children]])})
SELECT w.name AS span, a.area,
	${join(names.map(through))}
FROM windows w CROSS JOIN areas a
LEFT JOIN counts c ON c.span = w.name AND c.area = a.area
LEFT JOIN children k ON k.span = w.name AND k.area = a.area
ORDER BY w.name, a.area = ${ALL_AREAS} DESC, a.area`;
}

/** The window counts' counts of referral rows, in the answer's column order after `referrals` and `children`. */
const referralRowMeasures: [string, Keyed][] = [
	['referrals', rowCount()],
	['repeat_referrals', rowCount(sql`is_repeat`)],
	['looked_after', rowCount(sql`looked_after`)],
	['looked_after_known', rowCount(sql`looked_after IS NOT NULL`)],
	['under_15', rowCount(sql`age_at_referral < 15`)]
];

/** The answer's counts, in its column order. */
const referralCountNames = ['referrals', 'children', ...referralRowMeasures.slice(1).map(([name]) => name)];

/**
 * Referral counts in each window, per selected district and all together, under every filter except the
 * period (the windows are the periods). Every window × area appears, with zeros where nothing matched.
 * From the cubes when every window is one calendar quarter and they answer the filters, else the facts.
 */
export function referralWindowCounts(
	filters: Filters,
	windows: readonly CountWindow[],
	allAreas: readonly string[]
): Sql {
	const counts = referralCounts(filters, ['from', 'to'], referralCohortCounting);
	const children = childrenIn(referralChildCounting('quarter'), filters, ['from', 'to']);
	if (quarterWindows(windows) && counts.from !== referralFacts && children.from !== referralFacts) {
		const lookedAfter = sql`looked_after`;
		return windowCountsFromCubes(
			windows,
			areasTable(filters, allAreas),
			{
				...counts,
				measures: [
					['referrals', counts.referrals()],
					['repeat_referrals', counts.repeatReferrals()],
					['looked_after', counts.referrals(lookedAfter)],
					['looked_after_known', counts.referrals(sql`${lookedAfter} IS NOT NULL`)],
					['under_15', counts.under15()]
				]
			},
			{ ...children, name: 'children' },
			referralCountNames
		);
	}
	const date = ident(referralColumns.date);
	const solo = ident(`solo_${soloWithin(windows)}`);
	// The row counts per window and district, with the children alone in their period (solo) summed there
	// too; the other children one row per window, district and child, counted per district and, once more
	// distinct, per window. So the rows pass two small GROUP BYs and no DISTINCT aggregate, where 13
	// aggregates over two grouping sets of the rows took most of a cohort filter's Overview (issue 14).
	const cellNames = [...referralRowMeasures.map(([name]) => name), 'solo_children'];
	const childrenColumns = sql`CAST(COALESCE(c.solo_children, 0) + COALESCE(k.children, 0) AS BIGINT) AS children,
	CAST((COALESCE(c."solo_children:key", 0) + COALESCE(k.children_key_sum, 0)) % ${KEY_RANGE} AS INTEGER) AS "children:key"`;
	return sql`WITH windows AS (${windowsTable(windows)}),
areas AS (${areasTable(filters, allAreas)}),
facts AS (
	SELECT w.name AS span, r.district, r.child_key, r.child_cell_hash, r.record_key, r.is_repeat, r.looked_after,
		r.age_at_referral, r.${solo} AS solo
	FROM ${referralFacts} r JOIN windows w ON r.${date} BETWEEN w.first_day AND w.last_day
	WHERE ${filterPredicate(filters, referralColumns, ['from', 'to'])}
),
counts AS (${areaRollup(
		sql`SELECT span, district,
		${join(referralRowMeasures.map(([name, keyed]) => keyedPartial(name, keyed)))},
		count(*) FILTER (WHERE solo) AS solo_children,
		CAST(COALESCE(sum(${childCellHash}) FILTER (WHERE solo), 0) % ${KEY_RANGE} AS BIGINT) AS "solo_children:key_sum"
	FROM facts
	GROUP BY span, district`,
		sql`span`,
		cellNames
	)}),
others AS (
	SELECT span, district, child_key, any_value(${childCellHash}) AS hash
	FROM facts
	WHERE NOT solo
	GROUP BY span, district, child_key
),
children AS (
	SELECT span, CAST(district AS VARCHAR) AS area, count(*) AS children, sum(hash) % ${KEY_RANGE} AS children_key_sum
	FROM others
	GROUP BY span, district
	UNION ALL
	SELECT span, ${ALL_AREAS}, count(*), sum(hash) % ${KEY_RANGE}
	FROM (SELECT span, child_key, any_value(hash) AS hash FROM others GROUP BY span, child_key)
	GROUP BY span
)
SELECT w.name AS span, a.area,
	${join(referralCountNames.map((name) => (name === 'children' ? childrenColumns : keyedThrough(name, 'c'))))}
FROM windows w CROSS JOIN areas a
LEFT JOIN counts c ON c.span = w.name AND c.area = a.area
LEFT JOIN children k ON k.span = w.name AND k.area = a.area
ORDER BY w.name, a.area = ${ALL_AREAS} DESC, a.area`;
}

/**
 * Missing episodes and children missing in each window, per selected district and all together: from the
 * cubes when every window is one calendar quarter and they answer the filters, else the facts.
 */
export function episodeWindowCounts(
	filters: Filters,
	windows: readonly CountWindow[],
	allAreas: readonly string[]
): Sql {
	const counts = episodeCounts(filters, ['from', 'to']);
	const children = childrenIn(episodeChildCubes.quarter, filters, ['from', 'to']);
	if (quarterWindows(windows) && counts.from !== episodeFacts && children.from !== episodeFacts)
		return windowCountsFromCubes(
			windows,
			areasTable(filters, allAreas),
			{ ...counts, measures: [['episodes', counts.episodes()]] },
			{ ...children, name: 'children_missing' },
			['episodes', 'children_missing']
		);
	const date = ident(episodeColumns.date);
	const solo = soloWithin(windows);
	return sql`WITH windows AS (${windowsTable(windows)}),
areas AS (${areasTable(filters, allAreas)}),
facts AS (
	SELECT w.name AS span, e.district, e.child_key, e.child_cell_hash, e.record_key, e.${ident(`solo_${solo}`)}
	FROM ${episodeFacts} e JOIN windows w ON e.${date} BETWEEN w.first_day AND w.last_day
	WHERE ${filterPredicate(filters, episodeColumns, ['from', 'to'])}
),
counts AS (
	SELECT span,
		${areaOfGroup} AS area,
		${keyedAs('episodes', rowCount())},
		${keyedAs('children_missing', childCount(undefined, solo))}
	FROM facts
	GROUP BY GROUPING SETS ((span, district), (span))
)
SELECT w.name AS span, a.area,
	${keyedThrough('episodes', 'c')},
	${keyedThrough('children_missing', 'c')}
FROM windows w CROSS JOIN areas a
LEFT JOIN counts c ON c.span = w.name AND c.area = a.area
ORDER BY w.name, a.area = ${ALL_AREAS} DESC, a.area`;
}
