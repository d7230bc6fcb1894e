import type { Filters } from '$lib/domain/filters';
import { referralFacts } from '../../derived';
import { filterPredicate, referralColumns } from '../../filters';
import { KEY_RANGE } from '$lib/publication/ptable';
import { childCellHash } from '../../record-keys';
import { referralEnumAt, referralEnumSize } from '../../schema';
import { sql, type Sql } from '../../sql';
import { keyedAs, perChildCount, type Keyed } from '../../keyed-count';
import {
	firstCandidateColumns,
	indexReferralCube,
	indexReferralCubeAnswers
} from '../../index-referral-cube';

export interface RereferralRow {
	/** The intervention kind of the child's index referral; 'none' for children with no intervention. */
	intervention: string;
	/** Children whose 12 months after the index referral lie within the data: the denominator. */
	children: number;
	/** Of those, children referred again within 12 months after the index referral. */
	re_referred: number;
	/** Children left out because fewer than 12 months of data follow their index referral. */
	follow_up_incomplete: number;
}

/** Positions of the intervention ENUM: a candidate's kind takes this many values in its packed outcome. */
const kinds = referralEnumSize('intervention');

/**
 * A child's candidate with the least `index_order` among those that pass, as `chosen`: its kind and outcome
 * packed with the order into one BIGINT (order, then kind, then the two flags), so `min` picks the least
 * candidate and carries what it led to. `index_order` is unique within a child, so this is the row
 * `arg_min(…, index_order)` picks; at 1M referrals under "drug use present" (DuckDB-WASM in Node, CPU time)
 * re-referral took 111 → 83 ms against an `arg_min` of a struct with the kind as text (issue 14).
 */
const leastCandidate = sql`min(
	(CAST(index_order AS BIGINT) * ${kinds} + enum_code(intervention)) * 4
		+ CAST(followed_up AS INTEGER) * 2 + CAST(re_referred AS INTEGER)
)`;
const earliestOutcome = sql`${leastCandidate} AS chosen`;

/** The kind and outcome of `earliestOutcome`'s `chosen`, unpacked. */
const chosenOutcome = sql`${referralEnumAt('intervention', sql`(chosen // 4) % ${kinds}`)} AS kind,
		(chosen // 2) % 2 = 1 AS followed_up, chosen % 2 = 1 AS again`;

/**
 * Re-referral after an intervention. The extract has no intervention date, so the referral that led to the
 * intervention stands in for it. For each child, the index referral is their first referral under the
 * filters with an intervention recorded (deter, understand or disrupt), or, for children with none, their
 * first referral recorded as no intervention; children whose intervention is never recorded are left out.
 * A child was re-referred when any later referral of theirs in the loaded data (in any district, whatever
 * the filters, as for repeat referrals) falls after the index date and within 12 months of it. Only
 * children with a full 12 months of data after the index date (up to the last referral loaded) are counted.
 */
export function rereferralAfterIntervention(filters: Filters, children?: Sql): Sql {
	if (indexReferralCubeAnswers(filters)) return fromCube(filters);
	// Each candidate referral's place in the child's order and its outcome are columns of the facts (derived.ts):
	// a child's only candidate is their index referral whenever it passes the filters; for the others, the
	// least `index_order` among their rows that pass, from the page's `passingChildren` when it has them.
	const where = sql`(${filterPredicate(filters, referralColumns)}) AND intervention IS NOT NULL`;
	const later = children
		? sql`SELECT child_cell_hash, chosen FROM ${children} WHERE chosen IS NOT NULL`
		: sql`SELECT any_value(child_cell_hash) AS child_cell_hash, ${earliestOutcome}
		FROM ${referralFacts}
		WHERE ${where} AND NOT solo_index
		GROUP BY child_key`;
	return byKind(
		sql`SELECT child_cell_hash, CAST(intervention AS VARCHAR) AS kind, followed_up, re_referred AS again
	FROM ${referralFacts}
	WHERE ${where} AND solo_index
	UNION ALL
	SELECT child_cell_hash, ${chosenOutcome}
	FROM (${later})`,
		perChildCount
	);
}

/**
 * The children with more than one referral who have a referral under the filters, one row each (for a query
 * to name as a CTE: `referralHeadline` and `rereferralAfterIntervention` take its name): their
 * `child_cell_hash`, and as `chosen` their least candidate for re-referral that is not their only one (NULL
 * when none passes). The headline's distinct children and re-referral's least candidates both group the
 * facts rows that pass by child; read from the facts, the Pathway page groups them once for both (issue 14).
 * A referral that is not its child's only candidate is not its child's only referral either, so every child
 * re-referral groups is here.
 */
export function passingChildren(filters: Filters): Sql {
	return sql`SELECT child_key, any_value(child_cell_hash) AS child_cell_hash,
	${leastCandidate} FILTER (WHERE intervention IS NOT NULL AND NOT solo_index) AS chosen
FROM ${referralFacts}
WHERE (${filterPredicate(filters, referralColumns)}) AND NOT solo_all
GROUP BY child_key`;
}

/**
 * The same from the index referral cube: the cells of first candidates that pass are counted as they are; a
 * child whose first candidate fails has as index referral their least later row that passes.
 */
function fromCube(filters: Filters): Sql {
	const where = filterPredicate(filters, indexReferralCube.columns);
	// IS NOT TRUE: a first candidate whose predicate is NULL (an unrecorded value) fails, as in WHERE.
	const firstFails = sql`(${filterPredicate(filters, firstCandidateColumns)}) IS NOT TRUE`;
	// The key sums hashes modulo the key range (the cube's cells hold theirs so), which keeps the key.
	const counted = (condition: Sql): Keyed => ({
		count: sql`CAST(COALESCE(sum(children) FILTER (WHERE ${condition}), 0) AS BIGINT)`,
		keySum: sql`COALESCE(sum(child_key_sum) FILTER (WHERE ${condition}), 0)`
	});
	return byKind(
		sql`SELECT CAST(intervention AS VARCHAR) AS kind, followed_up, re_referred AS again, children, child_key_sum
	FROM ${indexReferralCube.table}
	WHERE (${where}) AND first
	UNION ALL
	SELECT ${chosenOutcome}, 1, child_key_sum
	FROM (
		SELECT CAST(any_value(${childCellHash}) % ${KEY_RANGE} AS INTEGER) AS child_key_sum, ${earliestOutcome}
		FROM ${indexReferralCube.table}
		WHERE (${where}) AND NOT first AND ${firstFails}
		GROUP BY child_key
	)`,
		counted
	);
}

/** Children by their index referral's intervention kind: followed up, referred again, not yet followed up. */
function byKind(indexReferrals: Sql, counted: (condition: Sql) => Keyed): Sql {
	// A subquery rather than a CTE, so the query can stand in a merged one (`mergedQueries`).
	return sql`SELECT kind AS intervention,
	${keyedAs('children', counted(sql`followed_up`))},
	${keyedAs('re_referred', counted(sql`followed_up AND again`))},
	${keyedAs('follow_up_incomplete', counted(sql`NOT followed_up`))}
FROM (${indexReferrals}) AS index_referrals
GROUP BY kind
ORDER BY kind`;
}
