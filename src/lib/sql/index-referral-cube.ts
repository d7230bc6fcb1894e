import type { FilterKey, Filters } from '$lib/domain/filters';
import { childCubeAnswers, type ChildCube } from './child-cubes';
import { referralFacts } from './derived';
import { referralColumns } from './filters';
import { childCellHash } from './record-keys';
import { ident, join, sql, type Sql } from './sql';

/**
 * Each child's index referral for re-referral after an intervention (metrics/pathway) without reading the
 * facts (issue 14). The index referral is the child's least candidate (a referral with an intervention
 * recorded) under the filters, by `index_order` (derived.ts). A child whose candidates all fall in one cell
 * of the table's dimensions (a *pure* child: every child with one candidate, and a few others) keeps all of
 * them or none under any filter on those dimensions, so their index referral is always their first
 * candidate: such children are counted per cell and outcome (`children`, and `child_key_sum`, the sum of
 * their hashes, so the cell key is the one the facts path gives). Every other child keeps one row per
 * candidate (`pure` false, with its `child_key`, `index_order` and hash), from which a query picks the least
 * that passes, as the facts path does. At 1M referrals (the bench extract) it holds 415,903 rows: 33,847
 * pure cells (the 615,918 children with one candidate, and a few others) and 382,056 impure rows. Few
 * children with several candidates are pure (their candidates lie in different months), so the impure half
 * stays large: re-referral from the cube took a
 * median 734 ms against 1,119 ms from the facts (1.5×, 15 district filters interleaved, load average 18).
 * It answers the filters on its dimensions with a period of whole months; other filters read the facts.
 * Its impure rows hold children, not counts, so an append rebuilds it (7.4 s at 1M in Node, load average
 * about 20, where the referral cube took 4.5 s).
 */
export const indexReferralCube: ChildCube = {
	table: ident('index_referral_cube'),
	facts: referralFacts,
	factsColumns: referralColumns,
	columns: {
		date: 'month',
		ageBand: 'age_band',
		district: 'district',
		gender: 'gender',
		lookedAfter: 'looked_after',
		intervention: 'intervention'
	},
	dimensions: ['district', 'age_band', 'gender', 'looked_after', 'intervention'],
	grain: 'month'
};

/** Build the index referral cube from the referral facts; run after the facts are built. */
export function buildIndexReferralCube(): Sql {
	const cube = indexReferralCube;
	const dimensions = join(cube.dimensions.map((name) => ident(name)));
	return sql`CREATE OR REPLACE TABLE ${cube.table} AS
WITH candidates AS (
	SELECT month, ${dimensions}, child_key, ${childCellHash}, index_order, followed_up, re_referred,
		count(*) OVER (PARTITION BY child_key) = count(*) OVER (PARTITION BY child_key, month, ${dimensions}) AS pure
	FROM ${cube.facts}
	WHERE intervention IS NOT NULL
),
first_pure AS (
	SELECT * FROM candidates
	WHERE pure
	QUALIFY row_number() OVER (PARTITION BY child_key ORDER BY index_order) = 1
)
SELECT month, ${dimensions}, followed_up, re_referred, TRUE AS pure,
	CAST(NULL AS INTEGER) AS child_key, CAST(NULL AS INTEGER) AS index_order,
	CAST(count(*) AS INTEGER) AS children, CAST(sum(${childCellHash}) AS HUGEINT) AS child_key_sum
FROM first_pure
GROUP BY ALL
UNION ALL
SELECT month, ${dimensions}, followed_up, re_referred, FALSE, child_key, index_order, 1,
	CAST(${childCellHash} AS HUGEINT)
FROM candidates
WHERE NOT pure
ORDER BY month`;
}

/** Whether the index referral cube holds the answer for these filters (less those left out). */
export function indexReferralCubeAnswers(filters: Filters, except: readonly FilterKey[] = []): boolean {
	return childCubeAnswers(indexReferralCube, filters, except);
}
