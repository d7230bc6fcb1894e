import type { IndicatorColumn } from '$lib/contract';
import type { Filters } from '$lib/domain/filters';
import { referralCounts } from '../../cubes';
import { ident, join, sql, type Sql } from '../../sql';
import { perIndicatorList } from './indicator-sql';
import { keyedAs, keyedNames, keyName, type Keyed } from '../../keyed-count';
import { KEY_RANGE } from '$lib/publication/ptable';

/** Prevalence counts of one indicator in one group. */
export interface PrevalenceCounts {
	indicator: IndicatorColumn;
	/** Referrals with the indicator present at any level. */
	present: number;
	/** Referrals on which the indicator was assessed (present or none): the denominator of prevalence. */
	assessed: number;
	/** All referrals in the group, assessed or not. */
	referrals: number;
}

/**
 * A grouping column of a prevalence query: its output name and the expression that computes it, grouped as
 * it is and given as text only once grouped (a cast per facts row cost the quarterly query about a third).
 */
export interface Grouping {
	name: string;
	expression: Sql;
}

/**
 * Prevalence counts of all 12 indicators, one row per indicator and group, from one pass over the referral
 * cube (or the facts, when the filters need them; see cubes.ts). Groups may use the columns both
 * share: month, district, age_band, gender, looked_after. Groups with no referrals are absent. `except`
 * leaves out filters (a chart must not filter itself).
 */
export function prevalenceBy(
	filters: Filters,
	groups: readonly Grouping[],
	except: readonly (keyof Filters)[] = []
): Sql {
	const counts = referralCounts(filters, except);
	const keyed = (name: string, count: Keyed) => ({
		[name]: count.count,
		[keyName(name)]: sql`CAST(${count.keySum} % ${KEY_RANGE} AS INTEGER)`
	});
	const list = perIndicatorList((column) => ({
		...keyed('present', counts.present(column)),
		...keyed('assessed', counts.assessed(column))
	}));
	const names = groups.map((group) => ident(group.name));
	const selectGroups = groups.map((group) => sql`${group.expression} AS ${ident(group.name)}, `);
	const outer = names.map((name) => sql`CAST(${name} AS VARCHAR) AS ${name}, `);
	const groupBy = groups.length > 0 ? sql`GROUP BY ${join(names)}` : sql``;
	// By the text, as before it was grouped as text (a district ENUM sorts in the reference's order).
	const orderBy =
		groups.length > 0 ? sql`ORDER BY ${join(groups.map((_, index) => sql`${index + 1}`))}` : sql``;
	return sql`SELECT ${join(outer, '')}${keyedNames('referrals')}, unnest(indicators, recursive := true)
FROM (
	SELECT ${join(selectGroups, '')}${keyedAs('referrals', counts.referrals())}, ${list} AS indicators
	FROM ${counts.from}
	WHERE ${counts.where}
	${groupBy}
)
${orderBy}`;
}
