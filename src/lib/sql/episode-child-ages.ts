import { ageBandRanges, episodeTypes, genders } from '$lib/contract';
import type { Filters } from '$lib/domain/filters';
import { episodeFacts } from './derived';
import { childCellRows } from './child-cell-rows';
import { codeMask } from './code-mask';
import { childCellHash } from './record-keys';
import { ident, join, sql, Sql } from './sql';

/**
 * The episode children table (episode-children.ts) with each child's ages, so that it answers a single-year age
 * range or age bands too (issue 14: an age range sent the Missing page's headline, children by type and by sex
 * and repeat missing to the 1.58M episode facts, four distinct counts of about 300 ms each at 1M). Per child
 * and district × looked-after it holds
 * - `episodes_to_0` … `episodes_to_24`: the child's episodes at the ages up to each age at the start (0 to 24,
 *   the contract's ages), each age counted up to `countCap` (repeat missing's top band is 10 or more, so the
 *   capped sum over any ages gives the same band): a run of ages is the difference of two of them;
 * - `type_ages_<bit>` and `sex_ages_<bit>`: for each bit of `codeMask` (NULL, then each code), the ages at
 *   which the child had an episode with that code, one bit each;
 * and, as the episode children table does, pure children (all their episodes in one district × looked-after)
 * counted per cell of these columns, the others one row per district × looked-after with their `child_key`.
 * Under a set of ages a row's episodes, episode types and sexes there follow from these columns alone
 * (`childAgesColumns`). At 1M referrals 45,894 pure cells and 34,288 other rows. Episodes with no age are left
 * out: no age filter keeps them. Rebuilt on append, as the episode children table is.
 */
export const episodeChildAges = ident('episode_child_ages');

/** The ages a row may hold (the contract's `age_at_start`: 0 to 24). */
const ages = Array.from({ length: 25 }, (_, age) => age);
/** Bits per age in `age_counts`, and the count each holds at most: repeat missing's bands end at 10 or more. */
const countBits = 4;
const countCap = 10;

/** How many bits `codeMask` gives a column of these codes: NULL, then each code (3 × 25 and 5 × 25 bits). */
const typeBits = episodeTypes.codes.length + 1;
const sexBits = genders.codes.length + 1;

const huge = (value: Sql | bigint) =>
	typeof value === 'bigint'
		? new Sql(`CAST('${value.toString()}' AS HUGEINT)`)
		: sql`CAST(${value} AS HUGEINT)`;
const shifted = (value: Sql, by: Sql) => sql`(${huge(value)} << ${huge(by)})`;

/** The ages at which an episode had each code of a code mask, 25 bits per code (an aggregate over rows of one age). */
const agesByCode = (mask: Sql, bits: number): Sql =>
	sql`bit_or(${join(
		Array.from({ length: bits }, (_, bit) =>
			shifted(sql`(${mask} >> ${bit}) & 1`, sql`${bit * ages.length} + age`)
		),
		' | '
	)})`;

/** The column holding a row's episodes at the ages up to and including `age` (each age capped at `countCap`). */
const episodesTo = (age: number) => ident(`episodes_to_${age}`);
/** The column holding the ages (one bit each, from 0) at which a row had an episode with bit `bit` of a code mask. */
const agesWith = (column: 'type_ages' | 'sex_ages', bit: number) => ident(`${column}_${bit}`);

/**
 * Build the table from the episode facts; run after the facts are built. The cells are aggregated packed in
 * 128-bit integers (one aggregate each), then unpacked once into the small integer columns queries read:
 * 128-bit shifts in a query cost about 150–280 ms a filter change at 1M (DuckDB-WASM in Node), the unpacked
 * columns a few.
 */
export function buildEpisodeChildAges(): Sql {
	const nibble = (age: number) => ident(`at_${age}`);
	return sql`CREATE OR REPLACE TABLE ${episodeChildAges} AS
WITH packed AS (
	WITH by_age AS (
		SELECT district, looked_after, child_key, age_at_start AS age, any_value(${childCellHash}) AS ${childCellHash},
			count(*) AS episodes,
			${codeMask(sql`episode_type`)} AS type_mask,
			${codeMask(sql`sex`)} AS sex_mask
		FROM ${episodeFacts}
		WHERE age_at_start BETWEEN ${ages[0]!} AND ${ages.at(-1)!}
		GROUP BY district, looked_after, child_key, age_at_start
	),
	cells AS (
		SELECT district, looked_after, child_key, any_value(${childCellHash}) AS ${childCellHash},
			sum(${shifted(sql`least(episodes, ${countCap})`, sql`${countBits} * age`)}) AS age_counts,
			${agesByCode(sql`type_mask`, typeBits)} AS type_ages,
			${agesByCode(sql`sex_mask`, sexBits)} AS sex_ages
		FROM by_age
		GROUP BY district, looked_after, child_key
	),
	${childCellRows(['district', 'looked_after', 'age_counts', 'type_ages', 'sex_ages'])}
),
unpacked AS (
	SELECT district, looked_after, pure, child_key, children, child_key_sum,
		${join(ages.map((age) => sql`CAST((age_counts >> ${huge(BigInt(countBits * age))}) & ${huge(BigInt(2 ** countBits - 1))} AS SMALLINT) AS ${nibble(age)}`))},
		${join(
			(
				[
					['type_ages', typeBits],
					['sex_ages', sexBits]
				] as const
			).flatMap(([column, bits]) =>
				Array.from(
					{ length: bits },
					(_, bit) =>
						sql`CAST((${ident(column)} >> ${huge(BigInt(bit * ages.length))}) & ${huge(BigInt(2 ** ages.length - 1))} AS INTEGER) AS ${agesWith(column, bit)}`
				)
			)
		)}
	FROM packed
)
SELECT * EXCLUDE (${join(ages.map(nibble))}),
	${join(ages.map((age) => sql`CAST(${join(ages.slice(0, age + 1).map(nibble), ' + ')} AS SMALLINT) AS ${episodesTo(age)}`))}
FROM unpacked
ORDER BY district, looked_after`;
}

/** The ages 0 to 24 the filters' age bands and single-year range keep (all of them when neither is set). */
export function agesUnder(filters: Filters): number[] {
	return ages.filter(
		(age) =>
			(filters.ageBands === undefined ||
				filters.ageBands.some((band) => age >= ageBandRanges[band][0] && age <= ageBandRanges[band][1])) &&
			(filters.ageFrom === undefined || age >= filters.ageFrom) &&
			(filters.ageTo === undefined || age <= filters.ageTo)
	);
}

/** The kept ages as runs of consecutive ages, [first, last] each: an age range is one run. */
function runsOf(kept: readonly number[]): [number, number][] {
	const runs: [number, number][] = [];
	for (const age of [...kept].sort((a, b) => a - b)) {
		const last = runs.at(-1);
		if (last && last[1] === age - 1) last[1] = age;
		else runs.push([age, age]);
	}
	return runs;
}

/**
 * The table's rows seen through a set of ages, with the episode children table's columns: `episode_count`
 * (the row's episodes at those ages, capped at 10), `type_mask` and `sex_mask` (the codes of its episodes at
 * those ages, as `codeMask` gives them), besides district, looked-after, pure, child_key, children and
 * child_key_sum. Rows with no episode at those ages are left out. A run of ages is the difference of two
 * running counts, so an age range costs one subtraction a row. A subquery, to filter and group like the table.
 */
export function childAgesColumns(kept: readonly number[]): Sql {
	const agesMask = kept.reduce((mask, age) => mask | (1 << age), 0);
	const episodeCount =
		kept.length === 0
			? sql`0`
			: sql`least(${join(
					runsOf(kept).map(([first, last]) =>
						first === 0 ? episodesTo(last) : sql`(${episodesTo(last)} - ${episodesTo(first - 1)})`
					),
					' + '
				)}, ${countCap})`;
	const codesAt = (column: 'type_ages' | 'sex_ages', bits: number) =>
		sql`CAST(${join(
			Array.from(
				{ length: bits },
				(_, bit) => sql`CASE WHEN (${agesWith(column, bit)} & ${agesMask}) <> 0 THEN ${1 << bit} ELSE 0 END`
			),
			' + '
		)} AS INTEGER)`;
	return sql`(SELECT district, looked_after, pure, child_key, children, child_key_sum,
	${episodeCount} AS episode_count,
	${codesAt('type_ages', typeBits)} AS type_mask,
	${codesAt('sex_ages', sexBits)} AS sex_mask
FROM ${episodeChildAges}
WHERE ${kept.length === 0 ? new Sql('FALSE') : sql`${episodeCount} > 0`})`;
}
