import type { IndicatorColumn } from '$lib/contract';
import type { Filters } from '$lib/domain/filters';
import { cubeAnswers, referralCounts, referralCube, type ReferralCounts } from '../../cubes';
import { ident, join, sql, Sql } from '../../sql';
import { indicatorList, perIndicatorList } from './indicator-sql';
import { prevalenceFromMasks } from './prevalence-from-masks';
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
 * cube, or, when the filters need the facts (see cubes.ts), from the facts counted by indicator mask first
 * (prevalence-from-masks.ts): the same counts and keys either way. Groups may use the columns both share:
 * month, district, age_band, gender, looked_after. Groups with no referrals are absent. `except` leaves out
 * filters (a chart must not filter itself).
 */
export function prevalenceBy(
	filters: Filters,
	groups: readonly Grouping[],
	except: readonly (keyof Filters)[] = []
): Sql {
	const counts = referralCounts(filters, except);
	const inner = cubeAnswers(referralCube, filters, except)
		? onePass(counts, groups)
		: prevalenceFromMasks(groups, counts.from, counts.where);
	const names = groups.map((group) => ident(group.name));
	const outer = names.map((name) => sql`CAST(${name} AS VARCHAR) AS ${name}, `);
	const unnested = sql`SELECT ${join(outer, '')}${keyedNames('referrals')}, unnest(indicators, recursive := true)
	FROM (
		${inner}
	)`;
	if (groups.length === 0) return unnested;
	// By the groups' text (a district ENUM would sort in the reference's order), then the indicators in the
	// contract's order, as unnested (a sort need not keep the order of rows it finds equal).
	const order = [
		...groups.map((_, index) => sql`${index + 1}`),
		sql`list_position(${indicatorList()}, indicator)`
	];
	return sql`SELECT * FROM (${unnested}) ORDER BY ${join(order)}`;
}

/**
 * Every group's counts in one pass over the referral cube's cells: each indicator's present and assessed
 * counts are measures of the cube, summed.
 */
function onePass(counts: ReferralCounts, groups: readonly Grouping[]): Sql {
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
	const groupBy = groups.length > 0 ? sql`GROUP BY ${join(names)}` : sql``;
	return sql`SELECT ${join(selectGroups, '')}${keyedAs('referrals', counts.referrals())}, ${list} AS indicators
	FROM ${counts.from}
	WHERE ${counts.where}
	${groupBy}`;
}
