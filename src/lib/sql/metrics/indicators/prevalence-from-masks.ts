import { indicatorColumns, type IndicatorColumn } from '$lib/contract';
import { assessedMask, presentMask } from '../../derived';
import { KEY_RANGE } from '$lib/publication/ptable';
import {
	keyedAs,
	keyedPartial,
	keyName,
	partialOf,
	rowCount,
	summedCount,
	type Keyed
} from '../../keyed-count';
import { ident, join, sql, type Sql } from '../../sql';
import { perIndicatorList } from './indicator-sql';
import type { Grouping } from './prevalence-by';

/**
 * The inner query of a prevalence query over the facts (`prevalenceBy`): per group, `referrals` with its key
 * and `indicators`, a list of one struct per indicator with `indicator`, `present`, `present:key`,
 * `assessed` and `assessed:key`, in the contract's order, as the one-pass query over the cube gives them.
 * Summing the 12 indicators' present and assessed flags, each with its key sum, is 48 expressions and 48 sums
 * per facts row, most of a cohort filter's time (issue 14: at 1M referrals about 1.5 s a query at a load
 * average of 23). Here each group's matching rows are first counted by their present mask and, in a second
 * grouping set of the same scan, by their assessed mask (a count and a key sum per group and mask: two sums
 * per row), and the 48 sums run over those counts, weighted: at most 4,096 present masks per group, and at 1M
 * bench referrals 350 assessed masks. Sums of integers are exact, so every count and key is the one pass's.
 * Measured at 1M referrals under the bench's cohort filters (load average 25): the one pass 2.6 to 3.4 s a
 * query, these mask counts 1.0 to 1.7 s; as two scans, one per mask, 15% slower than the grouping sets;
 * counted by the pair of masks (52,000 cells by district under an intervention filter), no faster.
 */
export function prevalenceFromMasks(groups: readonly Grouping[], source: Sql, where: Sql): Sql {
	const names = groups.map((group) => ident(group.name));
	const selectGroups = groups.map((group) => sql`${group.expression} AS ${ident(group.name)}, `);
	const set = (mask: Sql) => sql`(${join([...names, mask])})`;
	// One scan of the facts, two grouping sets: each group's rows by present mask and by assessed mask.
	const cells = sql`SELECT ${join(selectGroups, '')}${presentMask}, ${assessedMask}, GROUPING(${presentMask}) AS by_assessed, ${keyedPartial('referrals', rowCount())}
		FROM ${source}
		WHERE ${where}
		GROUP BY GROUPING SETS (${set(presentMask)}, ${set(assessedMask)})`;
	const masks = partialOf('referrals');
	/** The referrals counted in a mask's cell when the indicator's bit is set in it, else 0. */
	const withBit = (mask: Sql, bit: number): Keyed => {
		const flag = sql`((${mask} >> ${bit}) & 1)`;
		return summedCount(sql`${flag} * ${masks.count}`, sql`${flag} * ${masks.keySum}`);
	};
	/** Per group, each indicator's count (and key sum) from one mask: `present_<indicator>` or `assessed_…`. */
	const perGroup = (mask: Sql, measure: 'present' | 'assessed') => {
		const counts = indicatorColumns.map((column) =>
			keyedPartial(`${measure}_${column}`, withBit(mask, indicatorColumns.indexOf(column)))
		);
		return sql`SELECT ${join(
			names.map((name) => sql`${name}, `),
			''
		)}${keyedPartial('referrals', summedCount(masks.count, masks.keySum))}, ${join(counts)}
	FROM mask_cells
	WHERE by_assessed = ${measure === 'assessed' ? 1 : 0}
	${names.length > 0 ? sql`GROUP BY ${join(names)}` : sql``}`;
	};
	/** A struct's fields of one count, read from the side that counted it. */
	const fields = (table: 'p' | 'a', measure: 'present' | 'assessed', column: IndicatorColumn) => {
		const { count, keySum } = partialOf(`${measure}_${column}`, table);
		return { [measure]: count, [keyName(measure)]: sql`CAST(${keySum} % ${KEY_RANGE} AS INTEGER)` };
	};
	const list = perIndicatorList((column) => ({
		...fields('p', 'present', column),
		...fields('a', 'assessed', column)
	}));
	// Both sides hold the same groups (the same rows): join on every group column, a NULL value too.
	const on =
		names.length > 0
			? join(
					names.map((name) => sql`p.${name} IS NOT DISTINCT FROM a.${name}`),
					' AND '
				)
			: sql`TRUE`;
	const referrals = partialOf('referrals', 'p');
	return sql`WITH mask_cells AS MATERIALIZED (${cells})
	SELECT ${join(
		names.map((name) => sql`p.${name}, `),
		''
	)}${keyedAs('referrals', referrals)}, ${list} AS indicators
	FROM (${perGroup(presentMask, 'present')}) p
	JOIN (${perGroup(assessedMask, 'assessed')}) a ON ${on}`;
}
