import { indicatorColumns, type IndicatorColumn } from '$lib/contract';
import type { FilterKey, Filters } from '$lib/domain/filters';
import { periodEnd, periodStart } from '$lib/domain/calendar';
import { assessedFlag, episodeFacts, presentFlag, referralFacts } from './derived';
import {
	episodeColumns,
	filterApplies,
	filterPredicate,
	referralColumns,
	type FilterColumns
} from './filters';
import { keyName, summedCount, type Keyed } from './keyed-count';
import { recordKey } from './record-keys';
import { periodEdges } from './period-edges';
import { and, ident, join, sql, Sql, total } from './sql';

/**
 * Counts pre-aggregated by month × district × age band × (gender) × looked-after, with the things counted
 * as measures (the issue's suggestion, after Mosaic's data cubes). At 1M referrals the referral cube holds
 * about 12,000 rows, so a filter change it can answer sums a few thousand rows instead of scanning a million.
 * Counting queries ask `referralCounts` / `episodeCounts` for their source: the cube when every active
 * filter is one of its dimensions and the period is whole months, the facts table otherwise; both give the
 * same numbers. Distinct counts (children) and per-row statistics (median age) always read the facts
 * (distinct counts hash only the rows that are not their child's only one: keyed-count.ts).
 * Which filters each path answers: the facts answer every filter. A cube answers a filter only through
 * `columns`: every cube has month (whole-month periods), district, age band and looked-after, and the referral
 * cubes gender; the pathway cube adds intervention, stage and NRM referral, the indicator-count cube
 * intervention, the risk cube risk level, the Children page's cubes the single year of age, ethnicity or
 * referral source, and the cohort cube the single year of age, intervention and stage together (read where
 * no smaller cube answers); the ethnicity and referral source cohort cubes add those to their chart's
 * dimension but have no month. Indicators, repeat and a part-month period have no referral cube dimension, so
 * any of them sends referral counts to the facts, as does a filter on a dimension the cube asked lacks.
 * Episode counts ignore the referral-only filters (their facts have no such column either), and the episode
 * cubes answer all the others: they keep the single year of age, and read a part month's days from the facts
 * (`partMonths`), so a cohort's filters never send them to the facts. The indicator mask cube, keyed by the
 * exact set of indicators present, has no month: it answers the district filter alone.
 * Each measure is a keyed count (keyed-count.ts): beside it the cube keeps the sum of its records' keys,
 * which adds up like the count, so a count from the cube gets the same cell key as one from the facts.
 */
export interface Cube {
	table: Sql;
	facts: Sql;
	factsColumns: FilterColumns;
	columns: FilterColumns;
	/** The cells' columns, the first the table's sort order; a cube without `month` answers no period. */
	dimensions: readonly string[];
	measures: readonly Measure[];
	/**
	 * Whether a period that starts or ends within a month is answered from the cube's whole months and the
	 * facts' part months (`cellsOverPeriod`), rather than from the facts alone.
	 */
	partMonths?: boolean;
}

/** A count of rows for which something holds: a 0/1 expression per facts row, a column of the cube. */
interface Measure {
	name: string;
	perRow: Sql;
}

const measure = (name: string, perRow: string | Sql): Measure => ({
	name,
	perRow: typeof perRow === 'string' ? new Sql(perRow) : perRow
});
const presentMeasure = (column: IndicatorColumn) => measure(`present_${column}`, presentFlag(column));
const assessedMeasure = (column: IndicatorColumn) => measure(`assessed_${column}`, assessedFlag(column));

const rows = measure('rows', '1');
const repeats = measure('repeat_referrals', 'CAST(is_repeat AS INTEGER)');
const under15 = measure('under_15', 'CAST(age_at_referral < 15 AS INTEGER)');
/** Referrals that led to an NRM referral, and those with the NRM recorded (yes or no): the NRM share's parts. */
const nrmReferred = measure('nrm_referrals', 'CAST(COALESCE(nrm_referral, FALSE) AS INTEGER)');
const nrmRecorded = measure('nrm_recorded', 'CAST(nrm_referral IS NOT NULL AS INTEGER)');

/** The filters a referral cell (month × district × age band × gender × looked-after) answers, as its columns. */
export const referralCellColumns = {
	date: 'month',
	ageBand: 'age_band',
	district: 'district',
	gender: 'gender',
	lookedAfter: 'looked_after'
} as const;

/**
 * The filters a cohort cell answers (the referral cell's, with the single year of age for the band, the
 * intervention and the furthest stage), as its columns, and its dimensions besides the month: the month-less
 * cohort cubes and the per-child tables (referral-children-first.ts, index-referral-cube.ts).
 */
export const referralCohortCellColumns = {
	date: 'month',
	age: 'age_at_referral',
	district: 'district',
	gender: 'gender',
	lookedAfter: 'looked_after',
	intervention: 'intervention',
	stage: 'pathway_stage'
} as const;
export const referralCohortCellDimensions = [
	'district',
	'age_at_referral',
	'gender',
	'looked_after',
	'intervention',
	'pathway_stage'
] as const;

/** The dimensions every referral cube has, and the filters they answer. */
const referralBase = {
	columns: referralCellColumns,
	dimensions: ['month', 'district', 'age_band', 'gender', 'looked_after']
} satisfies Pick<Cube, 'columns' | 'dimensions'>;

export const referralCube: Cube = {
	table: ident('referral_cube'),
	facts: referralFacts,
	factsColumns: referralColumns,
	...referralBase,
	measures: [
		rows,
		repeats,
		under15,
		...indicatorColumns.flatMap((column) => [presentMeasure(column), assessedMeasure(column)])
	]
};

const acceptedInterview = 'end_date IS NOT NULL AND rhi_offered AND rhi_accepted';
const timedInterview = 'return_time IS NOT NULL AND rhi_time IS NOT NULL';
/**
 * Held within 72 hours of the return: in exact hours where the return and interview times are both recorded
 * (minutes after midnight, UTC clock: date difference × 1,440 + time difference, 0 to 4,320 minutes);
 * otherwise, with dates alone, on the day of return or within `days` calendar days after it.
 */
const heldWithin = (days: number) =>
	`${acceptedInterview} AND CASE WHEN ${timedInterview} THEN (rhi_date - end_date) * 1440 + rhi_time - return_time BETWEEN 0 AND 4320 ELSE rhi_date - end_date BETWEEN 0 AND ${days} END`;

/** Return home interviews, counted over episodes that ended (the child came back). */
const returnInterviewMeasures = {
	returned: 'end_date IS NOT NULL',
	offer_recorded: 'end_date IS NOT NULL AND rhi_offered IS NOT NULL',
	offered: 'end_date IS NOT NULL AND rhi_offered',
	accepted: 'end_date IS NOT NULL AND rhi_offered AND rhi_accepted',
	held: 'end_date IS NOT NULL AND rhi_offered AND rhi_accepted AND rhi_date IS NOT NULL',
	/** Accepted interviews whose return and interview times are both recorded: measured in exact hours. */
	timed: `${acceptedInterview} AND rhi_date IS NOT NULL AND ${timedInterview}`,
	/** The default: day of return or one of the next three calendar days (exact hours where timed). */
	within_72_hours: heldWithin(3),
	/** The strict reading with dates alone: day of return or one of the next two (exact hours where timed). */
	within_2_days: heldWithin(2)
} as const;
export type ReturnInterviewCount = keyof typeof returnInterviewMeasures;
export const returnInterviewCounts = Object.keys(returnInterviewMeasures) as ReturnInterviewCount[];
const returnInterviewMeasure = (name: ReturnInterviewCount) =>
	measure(name, `CAST(COALESCE(${returnInterviewMeasures[name]}, FALSE) AS INTEGER)`);

/**
 * Referrals counted by the base dimensions and a chart's own: each cube holds only `rows` (with its key sum)
 * and answers the filters on its extra dimensions too. Sizes at 1M referrals (the base alone: 12,000 cells):
 * the Pathway page's stage × intervention × NRM referral about 140,000 cells; indicator count × intervention
 * about 205,000; risk level about 37,000. A dimension a cube adds multiplies its cells, which is why these are
 * three cubes, not one (all together: 1M cells, no smaller than the facts), and why no cube has the indicator
 * bitmask (4,096 values: 790,000 cells).
 */
function rowsCube(name: string, dimensions: readonly string[], columns: Partial<FilterColumns>): Cube {
	return {
		table: ident(name),
		facts: referralFacts,
		factsColumns: referralColumns,
		columns: { ...referralBase.columns, ...columns },
		dimensions: [...referralBase.dimensions, ...dimensions],
		measures: [rows]
	};
}

/**
 * Pathway stage, intervention and NRM referral: the funnels, the NRM counts and intervention by age band. The
 * NRM counts are measures too (the cohort cube has them without the NRM dimension), so both cubes count them
 * alike.
 */
export const pathwayCube: Cube = {
	...rowsCube('pathway_cube', ['pathway_stage', 'intervention', 'nrm_referral'], {
		stage: 'pathway_stage',
		intervention: 'intervention',
		nrm: 'nrm_referral'
	}),
	measures: [rows, nrmReferred, nrmRecorded]
};
/** How many indicators are present, and the intervention: indicators per referral, intervention by profile. */
export const indicatorCountCube = rowsCube('indicator_count_cube', ['indicator_count', 'intervention'], {
	intervention: 'intervention'
});
/**
 * The Pathway page's counts where no cube answers the filters (an indicator or repeat filter, a period that
 * is not whole months): two cubes of the facts rows that pass, summed in one scan (`cubesOfOneScan`) rather
 * than one scan per chart (issue 14: at 1M referrals under "drug use present", the page's seven chart
 * queries scanned the facts seven times). The filters are applied in the scan, all but the district, which
 * the queries apply to these cells as to a cube's (the district chart leaves it out). The stages by month
 * (funnels and NRM counts), and the age band and indicator count by intervention (the intervention mixes):
 * each a few thousand cells at 1M, where one cube with all their dimensions would have 200,000.
 */
export const pathwayStageCells: Cube = {
	table: ident('pathway_stage_cells'),
	facts: referralFacts,
	factsColumns: referralColumns,
	columns: { date: 'month', district: 'district' },
	dimensions: ['district', 'month', 'pathway_stage'],
	measures: [rows, nrmReferred, nrmRecorded]
};
export const pathwayProfileCells: Cube = {
	...pathwayStageCells,
	table: ident('pathway_profile_cells'),
	dimensions: ['district', 'age_band', 'indicator_count', 'intervention'],
	measures: [rows]
};
/** The filters a query still applies to cubes of one scan (`cubesOfOneScan`): the district; the scan did the rest. */
export function leftToCells(filters: Filters): Filters {
	return filters.districts === undefined ? {} : { districts: filters.districts };
}
/** Overall risk level: risk levels by financial year. */
export const riskCube = rowsCube('risk_cube', ['risk_level'], { riskLevel: 'risk_level' });

/**
 * The Children page's charts (issue 14: four of its five queries read the 1M-row facts on every district
 * click, about 190 ms of DuckDB time per change). The single year of age at referral, for the pyramid and the
 * age profile (whose mean, standard deviation and median follow from the count at each age): with it the cube
 * answers the single-year age filter too, and the band (which follows from the age, adding no cell) is only
 * grouped by, not filtered on. Ethnicity and referral source each have a cube of their own: together with the
 * age they would multiply into the facts' size. Sizes at 1M referrals: in `tests/bench/page-queries.ts`'s
 * output (BENCH_TABLES).
 */
export const referralAgeCube = rowsCube('referral_age_cube', ['age_at_referral'], {
	age: 'age_at_referral',
	ageBand: undefined
});
/**
 * The cohort filters (issue 14): the single year of age, intervention and furthest stage together, with
 * the rows, repeat and under-15 measures, so the Overview's, Trends' and Children's referral counts answer an
 * age range, an intervention or a stage (or all three at once) without the 1M-row facts. 165,000 cells at 1M
 * referrals (each of the three alone: 21,000, 62,000 and 73,000), a sixth of the facts' rows; used only
 * where a smaller cube cannot answer (`referralCohortCounting`). Indicator filters still read the facts: the
 * two masks have 41,827 distinct pairs at 1M, which would multiply the cells past the facts' own.
 */
export const referralCohortCube: Cube = {
	...rowsCube('referral_cohort_cube', ['age_at_referral', 'intervention', 'pathway_stage'], {
		age: 'age_at_referral',
		ageBand: undefined,
		intervention: 'intervention',
		stage: 'pathway_stage'
	}),
	measures: [rows, repeats, under15, nrmReferred, nrmRecorded]
};
/** The referral cube, then the cohort cube: the sources of referral counts that need no indicator measure. */
export const referralCohortCounting: readonly Cube[] = [referralCube, referralCohortCube];

/** Ethnicity: referrals by ethnic group. */
export const ethnicityCube = rowsCube('ethnicity_cube', ['ethnicity'], { ethnicity: 'ethnicity' });
/** Referral source: referrals by who made them. */
export const referralSourceCube = rowsCube('referral_source_cube', ['referral_source'], {
	source: 'referral_source'
});

/**
 * The Children page's ethnicity and referral source charts under the cohort filters (issue 14: an age range,
 * an intervention or a stage sent both to the 1M-row facts, about 130–150 ms each in Node at 1M). Each keeps
 * its chart's dimension beside the single year of age, intervention, stage, district, gender and looked-after
 * status, but no month: with the month the ethnicity cube would hold 301,305 cells at 1M referrals; without it
 * 24,591 (referral source: 42,263), fewer than the month cubes above (40,724 and 69,695), so it is read first
 * whenever no period is set, and a period goes to the month cube (or the facts), as for the indicator mask cube.
 */
function cohortChartCube(name: string, dimension: string, columns: Partial<FilterColumns>): Cube {
	return {
		table: ident(name),
		facts: referralFacts,
		factsColumns: referralColumns,
		columns: { ...referralCohortCellColumns, ...columns },
		dimensions: [...referralCohortCellDimensions, dimension],
		measures: [rows]
	};
}

/** Ethnicity by the cohort's dimensions, no month: referrals by ethnic group with no period set. */
export const ethnicityCohortCube = cohortChartCube('ethnicity_cohort_cube', 'ethnicity', {
	ethnicity: 'ethnicity'
});
/** Referral source by the cohort's dimensions, no month: referrals by who made them with no period set. */
export const referralSourceCohortCube = cohortChartCube('referral_source_cohort_cube', 'referral_source', {
	source: 'referral_source'
});

/**
 * Indicator count by the cohort's dimensions, no month: Pathway's intervention by indicator profile under a
 * single-year age or a stage with no period set (the month cube has neither).
 */
export const indicatorCountCohortCube = cohortChartCube('indicator_count_cohort_cube', 'indicator_count', {});

/**
 * Referrals by district and the exact set of indicators present (`present_mask`), the one grouping the
 * combinations (UpSet) and pairs charts need (issue 14: they read the 1M-row facts on every district click).
 * Every one of the 4,096 masks occurs at 1M referrals, so each added dimension multiplies the cells: by
 * district alone 24,418 cells; with the month 493,563, and with the referral cube's dimensions 793,546, no
 * faster than the facts. So it answers the district filter alone, with no period; other filters read the facts.
 */
export const indicatorMaskCube: Cube = {
	table: ident('indicator_mask_cube'),
	facts: referralFacts,
	factsColumns: referralColumns,
	columns: { date: 'month', district: 'district' },
	dimensions: ['district', 'present_mask'],
	measures: [rows]
};

/** Every cube, in the order they are built after the facts. */
export const cubes = (): readonly Cube[] => [
	referralCube,
	episodeCube,
	episodeKindCube,
	pathwayCube,
	indicatorCountCube,
	riskCube,
	indicatorMaskCube,
	referralAgeCube,
	ethnicityCube,
	referralSourceCube,
	referralCohortCube,
	ethnicityCohortCube,
	referralSourceCohortCube,
	indicatorCountCohortCube
];

/** Duration bands in whole days between the start and end dates (times are not recorded). */
export const durationBands = [
	'same_day',
	'one_to_two',
	'three_to_seven',
	'over_seven',
	'still_missing'
] as const;
export type DurationBand = (typeof durationBands)[number];
/** An episode's duration band: back the same day, 1–2 days, 3–7 days, more than 7 days, or still missing. */
const durationBand = `CASE
		WHEN end_date IS NULL THEN 'still_missing'
		WHEN duration_days <= 0 THEN 'same_day'
		WHEN duration_days <= 2 THEN 'one_to_two'
		WHEN duration_days <= 7 THEN 'three_to_seven'
		ELSE 'over_seven'
	END`;
/** Episodes in one duration band: a measure of the episode cube, so the durations chart reads no facts. */
const durationMeasure = (band: DurationBand) =>
	measure(`duration_${band}`, `CAST(${durationBand} = '${band}' AS INTEGER)`);

/**
 * Episodes by month, district, single year of age at the start and looked-after status. The single year
 * (not only the band, as the referral cubes keep) lets the cube answer the cohort filters' ages too (issue
 * 14: an age range sent every Missing chart to the 1.58M episode facts); the band is a dimension only to group
 * by, as it follows from the age and adds no cell.
 */
export const episodeCube: Cube = {
	table: ident('episode_cube'),
	facts: episodeFacts,
	factsColumns: episodeColumns,
	columns: { date: 'month', age: 'age_at_start', district: 'district', lookedAfter: 'looked_after' },
	dimensions: ['month', 'district', 'age_at_start', 'age_band', 'looked_after'],
	partMonths: true,
	measures: [
		rows,
		...returnInterviewCounts.map(returnInterviewMeasure),
		...durationBands.map(durationMeasure)
	]
};

/**
 * Episodes by episode type and the child's sex besides the episode cube's dimensions: the Missing page's
 * episodes by type and by sex (their children come from episode-children.ts). Only `rows`: at 1M referrals
 * twice the episode cube's cells where sex is not recorded, against 1.58M episodes.
 */
export const episodeKindCube: Cube = {
	...episodeCube,
	table: ident('episode_kind_cube'),
	dimensions: [...episodeCube.dimensions, 'episode_type', 'sex'],
	measures: [rows]
};

/** The select list of measures summed over facts rows into a cube's cells: each count and its key sum. */
function measureSums(measures: readonly Measure[]): Sql {
	return join(
		measures.map(
			(one) =>
				sql`CAST(sum(${one.perRow}) AS INTEGER) AS ${ident(one.name)}, CAST(sum((${one.perRow}) * ${recordKey}) AS BIGINT) AS ${ident(keySumName(one.name))}`
		)
	);
}

/** The cube's cells summed from facts rows (all of them, or those where `where` holds). */
function cellsOf(cube: Cube, where?: Sql): Sql {
	return sql`SELECT ${join(cube.dimensions.map((name) => ident(name)))}, ${measureSums(cube.measures)}
FROM ${cube.facts}${where ? sql` WHERE ${where}` : sql``}
GROUP BY ALL`;
}

/**
 * The cells of several cubes of one facts table, summed from its rows where `where` holds in one scan
 * (GROUPING SETS, a set per cube), as CTEs named by the cubes' tables: the list after a WITH. Each cube's
 * cells are those `cellsOf` gives; DuckDB evaluates the filter and reads the rows once, and only the
 * hashing is per cube.
 */
export function cubesOfOneScan(cells: readonly Cube[], where: Sql): Sql {
	const facts = cells[0]!.facts;
	if (cells.some((cube) => cube.facts !== facts)) throw new Error('Cubes of one scan share their facts');
	const dimensions = [...new Set(cells.flatMap((cube) => cube.dimensions))];
	const measures = [
		...new Map(cells.flatMap((cube) => cube.measures).map((one) => [one.name, one])).values()
	];
	const scan = ident('one_scan');
	// grouping() of every dimension: a bit per dimension (the first the highest) set where a cube lacks it.
	const setOf = (cube: Cube) =>
		dimensions.reduce((bits, name) => bits * 2 + (cube.dimensions.includes(name) ? 0 : 1), 0);
	const own = (cube: Cube) =>
		join([
			...cube.dimensions.map((name) => ident(name)),
			...cube.measures.flatMap((one) => [ident(one.name), ident(keySumName(one.name))])
		]);
	return sql`${scan} AS MATERIALIZED (
	SELECT ${join(dimensions.map((name) => ident(name)))}, grouping(${join(dimensions.map((name) => ident(name)))}) AS cube_set, ${measureSums(measures)}
	FROM ${facts}
	WHERE ${where}
	GROUP BY GROUPING SETS (${join(cells.map((cube) => sql`(${join(cube.dimensions.map((name) => ident(name)))})`))})
),
${join(
	cells.map(
		(cube) => sql`${cube.table} AS (SELECT ${own(cube)} FROM ${scan} WHERE cube_set = ${setOf(cube)})`
	),
	',\n'
)}`;
}

/**
 * The order a cube's cells are written in: by district, then by month where it has one (issue 14). DuckDB
 * skips a row group whose zone map rules out the filter, so a district click reads only its districts' cells.
 * Written by month alone, every row group held every district, and at 24 areas the Pathway page's cubes span
 * several row groups (pathway_cube 330,000 cells, indicator_count_cube 456,000 at 1M): a click read them whole.
 */
export function cellOrder(columns: readonly string[]): Sql {
	const leading = ['district', 'month'].filter((name) => columns.includes(name));
	return join((leading.length > 0 ? leading : columns.slice(0, 1)).map((name) => ident(name)));
}

/** Build a cube from its facts; run after the facts are built. */
export function buildCube(cube: Cube): Sql {
	return sql`CREATE OR REPLACE TABLE ${cube.table} AS
${cellsOf(cube)}
ORDER BY ${cellOrder(cube.dimensions)}`;
}

/**
 * The cube's cells over a period that starts or ends within a month (issue 14: a cohort's period need not be
 * whole months): the whole months' cells from the cube, and the part months' cells summed from the facts
 * rows of those days alone, which the facts' date order lets DuckDB find without reading the rest. A part
 * month's cells stand for its rows in the period only, so a month is read from one side or the other, never
 * both, and every count is the facts' count. A subquery with the cube's columns, to filter on the others.
 */
function cellsOverPeriod(cube: Cube, from: string | undefined, to: string | undefined): Sql {
	const { wholeFrom, wholeUntil, edges } = periodEdges(from, to, 'month');
	const columns = [
		...cube.dimensions.map((name) => ident(name)),
		...cube.measures.flatMap((one) => [ident(one.name), ident(keySumName(one.name))])
	];
	const whole = and(
		wholeFrom === undefined ? undefined : sql`month >= CAST(${wholeFrom} AS DATE)`,
		wholeUntil === undefined ? undefined : sql`month < CAST(${wholeUntil} AS DATE)`
	);
	const date = ident(cube.factsColumns.date);
	const parts = edges.map(
		(edge) =>
			sql`
UNION ALL
${cellsOf(cube, sql`${date} BETWEEN CAST(${edge.from} AS DATE) AND CAST(${edge.to} AS DATE)`)}`
	);
	return sql`(SELECT ${join(columns)} FROM ${cube.table} WHERE ${whole}${join(parts, '')})`;
}

/**
 * Bring a cube up to date after an append: its cells plus the measures of the facts rows `added` less those
 * of the rows `removed` (what the append replaced: see derived-tables.ts), summed by cell. Sums of integers
 * are exact, so the cells equal a rebuild's; a cell left with no rows is dropped, as a rebuild has none. At 1M
 * referrals this groups the cube's cells and a month's rows instead of a million.
 */
export function appendCube(cube: Cube, removed: Sql, added: Sql): Sql[] {
	if (!cube.measures.some((one) => one.name === rows.name))
		throw new Error(`${cube.table.text} has no rows measure to tell empty cells by`);
	const dimensions = join(cube.dimensions.map((name) => ident(name)));
	const columns = cube.measures.flatMap((one) => [ident(one.name), ident(keySumName(one.name))]);
	const change = (facts: Sql, sign: 1 | -1) => {
		const sums = cube.measures.map(
			(one) =>
				sql`${sign} * sum(${one.perRow}) AS ${ident(one.name)}, ${sign} * sum((${one.perRow}) * ${recordKey}) AS ${ident(keySumName(one.name))}`
		);
		return sql`SELECT ${dimensions}, ${join(sums)} FROM ${facts} GROUP BY ALL`;
	};
	const sums = cube.measures.map(
		(one) =>
			sql`CAST(sum(${ident(one.name)}) AS INTEGER) AS ${ident(one.name)}, CAST(sum(${ident(keySumName(one.name))}) AS BIGINT) AS ${ident(keySumName(one.name))}`
	);
	const merged = ident(`append_${cube.table.text.replaceAll('"', '')}`);
	return [
		sql`CREATE OR REPLACE TABLE ${merged} AS
SELECT ${dimensions}, ${join(sums)}
FROM (
	SELECT ${dimensions}, ${join(columns)} FROM ${cube.table}
	UNION ALL ${change(added, 1)}
	UNION ALL ${change(removed, -1)}
)
GROUP BY ALL
HAVING sum(${ident(rows.name)}) <> 0
ORDER BY ${cellOrder(cube.dimensions)}`,
		// Renamed into place rather than copied: a copy wrote every cell a second time.
		sql`DROP TABLE ${cube.table}`,
		sql`ALTER TABLE ${merged} RENAME TO ${cube.table}`
	];
}

/** The cube column holding a measure's key sum. */
const keySumName = (name: string) => `${keyName(name)}_sum`;

const isMonthStart = (day: string) => periodStart(day, 'month') === day;
const isMonthEnd = (day: string) => periodEnd(periodStart(day, 'month'), 'month') === day;

/** Whether the cube holds the answer for these filters (less those left out). */
export function cubeAnswers(cube: Cube, filters: Filters, except: readonly FilterKey[] = []): boolean {
	const active = (Object.keys(filters) as FilterKey[]).filter(
		(key) => !except.includes(key) && filters[key] !== undefined
	);
	if (active.some((key) => filterApplies(cube.factsColumns, key) && !filterApplies(cube.columns, key)))
		return false;
	const period = active.includes('from') || active.includes('to');
	if (period && !cube.dimensions.includes('month')) return false;
	if (active.includes('from') && !isMonthStart(filters.from!)) return false;
	if (active.includes('to') && !isMonthEnd(filters.to!)) return false;
	return true;
}

/** Where counts come from for a set of filters, and how a measure is summed there. */
interface Counts {
	from: Sql;
	where: Sql;
	/** Rows counted (optionally only those where a dimension predicate holds, e.g. `looked_after`). */
	sum(one: Measure, where?: Sql): Keyed;
}

/**
 * Whether the cube answers these filters over the whole months of their period, its part months read from
 * the facts (`cellsOverPeriod`). Only the episode cubes do (`partMonths`).
 */
function cubeAnswersOverPeriod(cube: Cube, filters: Filters, except: readonly FilterKey[]): boolean {
	const period = (['from', 'to'] as const).filter((key) => !except.includes(key));
	return cube.partMonths === true && cubeAnswers(cube, filters, [...except, ...period]);
}

/**
 * The first of the cubes that answers these filters (over the whole months of their period, or with its part
 * months from the facts), or the first when none does (it then reads its facts, which every candidate shares).
 */
function chosenCube(cubes: Cube | readonly Cube[], filters: Filters, except: readonly FilterKey[]): Cube {
	const candidates = 'table' in cubes ? [cubes] : cubes;
	return (
		candidates.find(
			(cube) => cubeAnswers(cube, filters, except) || cubeAnswersOverPeriod(cube, filters, except)
		) ?? candidates[0]!
	);
}

/** The source of counts for these filters; every count is a BIGINT, 0 (never NULL) over no rows. */
function countsFrom(cubes: Cube | readonly Cube[], filters: Filters, except: readonly FilterKey[]): Counts {
	const cube = chosenCube(cubes, filters, except);
	const held = (one: Measure) => {
		if (!cube.measures.some((measure) => measure.name === one.name))
			throw new Error(`${cube.table.text} has no measure ${one.name}`);
		return one;
	};
	if (!cubeAnswers(cube, filters, except) && cubeAnswersOverPeriod(cube, filters, except))
		return {
			from: cellsOverPeriod(
				cube,
				except.includes('from') ? undefined : filters.from,
				except.includes('to') ? undefined : filters.to
			),
			where: filterPredicate(filters, cube.columns, [...except, 'from', 'to']),
			sum: (one, where) => summedCount(ident(held(one).name), ident(keySumName(one.name)), where)
		};
	const fromCube = cubeAnswers(cube, filters, except);
	return {
		from: fromCube ? cube.table : cube.facts,
		where: filterPredicate(filters, fromCube ? cube.columns : cube.factsColumns, except),
		sum: (one, where) =>
			fromCube
				? summedCount(ident(held(one).name), ident(keySumName(one.name)), where)
				: {
						count: total(one.perRow, where),
						keySum: total(sql`(${one.perRow}) * ${recordKey}`, where),
						additive: true
					}
	};
}

export interface ReferralCounts {
	from: Sql;
	where: Sql;
	referrals(where?: Sql): Keyed;
	repeatReferrals(): Keyed;
	under15(): Keyed;
	nrmReferrals(): Keyed;
	nrmRecorded(): Keyed;
	present(column: IndicatorColumn): Keyed;
	assessed(column: IndicatorColumn): Keyed;
}

/**
 * Referral counts under the filters, from the first of `cubes` that can answer (by default the referral
 * cube; `referralCohortCounting` adds the cohort cube, which holds no indicator measure), else the facts.
 */
export function referralCounts(
	filters: Filters,
	except: readonly FilterKey[] = [],
	cubes: readonly Cube[] = [referralCube]
): ReferralCounts {
	const { from, where, sum } = countsFrom(cubes, filters, except);
	return {
		from,
		where,
		referrals: (only) => sum(rows, only),
		repeatReferrals: () => sum(repeats),
		under15: () => sum(under15),
		nrmReferrals: () => sum(nrmReferred),
		nrmRecorded: () => sum(nrmRecorded),
		present: (column) => sum(presentMeasure(column)),
		assessed: (column) => sum(assessedMeasure(column))
	};
}

export interface RowCounts {
	from: Sql;
	where: Sql;
	/** Whether the counts come from the cube (otherwise the facts). */
	fromCube: boolean;
	/** Rows counted (optionally only those where a dimension predicate holds). */
	rows(where?: Sql): Keyed;
}

/**
 * Row counts under the filters from one of the rows cubes (the first of a list that answers), or from the
 * facts when none can answer them: the facts answer every filter; a cube answers those on its dimensions
 * (`cube.columns`, see `cubeAnswers`). Group and predicate on the dimensions every candidate has, which the
 * facts have too.
 */
export function rowCounts(
	cubes: Cube | readonly Cube[],
	filters: Filters,
	except: readonly FilterKey[] = []
): RowCounts {
	const { from, where, sum } = countsFrom(cubes, filters, except);
	return {
		from,
		where,
		fromCube: from === chosenCube(cubes, filters, except).table,
		rows: (only) => sum(rows, only)
	};
}

export interface EpisodeCounts {
	from: Sql;
	where: Sql;
	episodes(where?: Sql): Keyed;
	returnInterviews(count: ReturnInterviewCount): Keyed;
	inDurationBand(band: DurationBand): Keyed;
}

/** Missing-episode counts under the filters, from the episode cube when it can answer. */
export function episodeCounts(filters: Filters, except: readonly FilterKey[] = []): EpisodeCounts {
	const { from, where, sum } = countsFrom(episodeCube, filters, except);
	return {
		from,
		where,
		episodes: (only) => sum(rows, only),
		returnInterviews: (count) => sum(returnInterviewMeasure(count)),
		inDurationBand: (band) => sum(durationMeasure(band))
	};
}
