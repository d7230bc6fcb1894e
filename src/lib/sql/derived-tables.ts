import { appendCube, buildCube, cubes, type Cube } from './cubes';
import { appendChildCube, buildChildCube, childCubes, type ChildCube } from './child-cubes';
import {
	appendChildKeys,
	buildChildKeys,
	buildEpisodeFacts,
	buildReferralFacts,
	childKeys,
	createAgeBandType,
	episodeFacts,
	episodeFactsQuery,
	followedUp,
	referralFacts,
	referralFactsQuery
} from './derived';
import { buildEpisodeChildAges, episodeChildAges } from './episode-child-ages';
import { buildEpisodeChildren, episodeChildrenTable } from './episode-children';
import { buildEpisodeDates, episodeDates } from './episode-dates';
import {
	buildEpisodeFirsts,
	buildEpisodeMixed,
	episodeFirstsTable,
	episodeMixedTable
} from './episode-firsts';
import { buildIndexReferralCube, indexReferralCube } from './index-referral-cube';
import { buildReferralChildrenFirst, referralChildrenFirst } from './referral-children-first';
import { ident, sql, type Sql } from './sql';
import type { Scratch } from './staging';

/**
 * A table built from the loaded data after every change: how to build it from scratch, and how to bring it up
 * to date when rows have only been appended (reading the `appendChanges` tables). A table without `append` is
 * rebuilt on append too: slower, never wrong.
 */
export interface DerivedTable {
	readonly table: Sql;
	/** Facts are built before cubes; the Data page names the step in progress. */
	readonly step: 'facts' | 'cubes';
	/**
	 * `rows`: how many rows the base tables hold (a facts table that large is written in slices where the
	 * engine cannot spill); `scratch`: where the engine keeps working tables (`Scratch`).
	 */
	build(rows?: BaseRows, scratch?: Scratch): Sql[];
	append?(): Sql[];
	/**
	 * The facts table it is derived from (the facts table itself for a facts table; none for the child keys,
	 * which read both): an append that added no row to that table's base leaves it as it is (episodes appended
	 * after 10M referrals rebuilt the referral tables without `append`, holding the old and new copies at once).
	 */
	readonly facts?: Sql;
}

/** Rows in the base tables, for a build that writes a large table in slices. */
export interface BaseRows {
	readonly referrals: number;
	readonly episodes: number;
}

/** How many rows the base tables hold. */
export const baseRows = (): Sql =>
	sql`SELECT (SELECT count(*) FROM referrals) AS referrals, (SELECT count(*) FROM missing_episodes) AS episodes`;

/**
 * What an append changed, for the derived tables to read: the children the appended rows belong to, and for
 * each facts table its rows as they were before the append (`removed`) and the rows put in their place
 * (`added`: the appended rows and the touched children's other rows, recomputed). A cube adds `added` and
 * subtracts `removed`.
 */
export const appendChanges = {
	referralChildren: ident('append_referral_children'),
	episodeChildren: ident('append_episode_children'),
	referralsRemoved: ident('append_referral_facts_removed'),
	referralsAdded: ident('append_referral_facts_added'),
	episodesRemoved: ident('append_episode_facts_removed'),
	episodesAdded: ident('append_episode_facts_added')
} as const;

const {
	referralChildren,
	episodeChildren,
	referralsRemoved,
	referralsAdded,
	episodesRemoved,
	episodesAdded
} = appendChanges;

/** The children of base rows that have no facts row yet: those an append touched. */
const touchedChildren = (children: Sql, base: string, facts: Sql, key: string): Sql =>
	sql`CREATE OR REPLACE TABLE ${children} AS
SELECT DISTINCT b.child_id FROM ${ident(base)} b
WHERE NOT EXISTS (SELECT 1 FROM ${facts} f WHERE f.${ident(key)} = b.${ident(key)})`;

/**
 * Whether the base tables only gained rows since the facts were built (every facts row's key is still there
 * and no more rows than keys): otherwise (rows removed, the demo replaced) an append refresh would be wrong,
 * and everything is rebuilt.
 */
export const onlyAppended = (): Sql => sql`SELECT NOT EXISTS (
	SELECT 1 FROM ${referralFacts} f WHERE NOT EXISTS (SELECT 1 FROM referrals r WHERE r.referral_id = f.referral_id)
) AND NOT EXISTS (
	SELECT 1 FROM ${episodeFacts} f WHERE NOT EXISTS (SELECT 1 FROM missing_episodes e WHERE e.episode_id = f.episode_id)
) AS only_appended`;

/** Find what an append touched; run before any derived table's `append`. */
export const findAppended = (): Sql[] => [
	touchedChildren(referralChildren, 'referrals', referralFacts, 'referral_id'),
	touchedChildren(episodeChildren, 'missing_episodes', episodeFacts, 'episode_id')
];

/** Which facts tables an append touched (`findAppended` first): those with a touched child. */
export const appendedFacts = (): Sql =>
	sql`SELECT EXISTS (FROM ${referralChildren}) AS referrals, EXISTS (FROM ${episodeChildren}) AS episodes`;

/** The facts tables named by `appendedFacts`' answer. */
export const touchedFacts = (touched: { referrals: boolean; episodes: boolean }): Sql[] => [
	...(touched.referrals ? [referralFacts] : []),
	...(touched.episodes ? [episodeFacts] : [])
];

/** Drop the tables `findAppended` and the appends made. */
export const dropAppended = (): Sql[] =>
	Object.values(appendChanges).map((table) => sql`DROP TABLE IF EXISTS ${table}`);

/**
 * Replace a facts table's rows of the touched children (and rows `stale` picks) by `added`, keeping a copy of
 * what they were. The appended rows go in date order after the rest, so period filters still skip most row
 * groups.
 */
function replaceRows(facts: Sql, removed: Sql, added: Sql, recomputed: Sql, stale: Sql, order: Sql): Sql[] {
	return [
		sql`CREATE OR REPLACE TABLE ${removed} AS SELECT * FROM ${facts} WHERE ${stale}`,
		sql`DELETE FROM ${facts} WHERE ${stale}`,
		sql`CREATE OR REPLACE TABLE ${added} AS ${recomputed}`,
		sql`INSERT INTO ${facts} SELECT * FROM ${added} ORDER BY ${order}`
	];
}

const ofTouched = (children: Sql) => sql`child_id IN (SELECT child_id FROM ${children})`;
/** `followed_up` as it is now; it changes for other children's rows when the last referral date moves on. */
const followedUpNow = followedUp(sql`referral_date`);

const childKeysTable: DerivedTable = {
	table: childKeys,
	step: 'facts',
	build: () => [createAgeBandType(), buildChildKeys()],
	append: () => [
		appendChildKeys(
			sql`(SELECT child_id FROM ${referralChildren} UNION SELECT child_id FROM ${episodeChildren})`
		)
	]
};

const referralFactsTable: DerivedTable = {
	table: referralFacts,
	step: 'facts',
	// Its one column that moves with other rows, `followed_up`, moves only with a new last referral date.
	facts: referralFacts,
	build: (rows, scratch) => buildReferralFacts(rows?.referrals, scratch),
	append: () =>
		replaceRows(
			referralFacts,
			referralsRemoved,
			referralsAdded,
			sql`SELECT * FROM (${referralFactsQuery(referralChildren)})
UNION ALL
SELECT * REPLACE (${followedUpNow} AS followed_up) FROM ${referralsRemoved} WHERE NOT ${ofTouched(referralChildren)}`,
			sql`${ofTouched(referralChildren)} OR followed_up IS DISTINCT FROM (${followedUpNow})`,
			sql`referral_date, referral_id`
		)
};

const episodeFactsTable: DerivedTable = {
	table: episodeFacts,
	step: 'facts',
	facts: episodeFacts,
	build: (rows, scratch) => buildEpisodeFacts(rows?.episodes, scratch),
	append: () =>
		replaceRows(
			episodeFacts,
			episodesRemoved,
			episodesAdded,
			episodeFactsQuery(episodeChildren),
			ofTouched(episodeChildren),
			sql`start_date, episode_id`
		)
};

/** A cube: rebuilt from its facts, or on append its cells plus the added rows less the removed ones. */
function cubeTable(cube: Cube): DerivedTable {
	const [removed, added] =
		cube.facts === referralFacts
			? [referralsRemoved, referralsAdded]
			: cube.facts === episodeFacts
				? [episodesRemoved, episodesAdded]
				: [undefined, undefined];
	return {
		table: cube.table,
		step: 'cubes',
		facts: cube.facts,
		build: () => [buildCube(cube)],
		...(removed && added ? { append: () => appendCube(cube, removed, added) } : {})
	};
}

/** A child cube rebuilds on append the periods where the touched children's rows were or are. */
function childCubeTable(cube: ChildCube): DerivedTable {
	const [children, removed, added] =
		cube.facts === referralFacts
			? [referralChildren, referralsRemoved, referralsAdded]
			: [episodeChildren, episodesRemoved, episodesAdded];
	return {
		table: cube.table,
		step: 'cubes',
		facts: cube.facts,
		build: () => [buildChildCube(cube)],
		append: () => appendChildCube(cube, children, removed, added)
	};
}

/**
 * A table with no `append`: rebuilt from the facts on append too, slower but never wrong. The episode
 * children tables, the episode firsts and mixed cells and the index referral cube hold some children one by
 * one or depend on whether a child fits one cell (which depends on all their rows); the episode dates are one
 * row.
 */
const rebuiltOnAppend = (table: Sql, facts: Sql, build: () => Sql): DerivedTable => ({
	table,
	step: 'cubes',
	facts,
	build: () => [build()]
});

/**
 * Every derived table, in the order they are built: the child numbers, the facts, then the cubes. A table
 * built after a load must be listed here, so appends bring it up to date and the property test
 * (`tests/unit/sql/derived-tables.test.ts`) compares it with a full rebuild; the test fails naming any table
 * built but not listed.
 */
export const derivedTables = (): readonly DerivedTable[] => [
	childKeysTable,
	referralFactsTable,
	episodeFactsTable,
	...cubes().map(cubeTable),
	...childCubes().map(childCubeTable),
	rebuiltOnAppend(episodeChildrenTable, episodeFacts, buildEpisodeChildren),
	rebuiltOnAppend(episodeChildAges, episodeFacts, buildEpisodeChildAges),
	rebuiltOnAppend(episodeDates, episodeFacts, buildEpisodeDates),
	rebuiltOnAppend(episodeFirstsTable, episodeFacts, buildEpisodeFirsts),
	rebuiltOnAppend(episodeMixedTable, episodeFacts, buildEpisodeMixed),
	rebuiltOnAppend(indexReferralCube.table, indexReferralCube.facts, buildIndexReferralCube),
	rebuiltOnAppend(referralChildrenFirst.table, referralChildrenFirst.facts, buildReferralChildrenFirst)
];
