import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ageBands, districts, genders, indicatorColumns } from '$lib/contract';
import { episodeFacts, referralFacts } from '$lib/sql/derived';
import { episodeColumns, filterPredicate, referralColumns } from '$lib/sql/filters';
import {
	cubeAnswers,
	cubes,
	episodeCounts,
	episodeCube,
	referralCounts,
	referralCube,
	returnInterviewCounts
} from '$lib/sql/cubes';
import { ident, join, sql, Sql } from '$lib/sql/sql';
import { filtersSchema, type Filters } from '$lib/domain/filters';
import { childCubes } from '$lib/sql/child-cubes';
import { demoEngine } from '../../helpers/page';
import { keyedAs } from '$lib/sql/keyed-count';
import { engineForFile } from '../../helpers/file-engine';

// The committed demo extract: 2,400 referrals and 3,618 missing episodes over five years.
const engine = engineForFile(demoEngine);

/** Every count of `referralCounts`, as one row, from the source it chooses. */
async function countsFrom(filters: Filters, except: (keyof Filters)[] = []) {
	const counts = referralCounts(filters, except);
	const [row] = await engine.query<Record<string, number>>(
		sql`SELECT ${keyedAs('referrals', counts.referrals())}, ${keyedAs('repeats', counts.repeatReferrals())},
			${keyedAs('under_15', counts.under15())}, ${keyedAs('looked_after', counts.referrals(sql`looked_after`))},
			${keyedAs('present_first', counts.present('ind_missing'))},
			${keyedAs('assessed_last', counts.assessed(indicatorColumns[11]!))}
		FROM ${counts.from} WHERE ${counts.where}`
	);
	return row!;
}

/**
 * The same counts, computed row by row from the facts with the facts' own filter predicate, with their cell
 * keys (the sum of the record keys, modulo 256): the cube must give every count the key the facts give it.
 */
async function countsFromFacts(filters: Filters, except: (keyof Filters)[] = []) {
	const last = indicatorColumns[11]!;
	const counted = (name: string, where: string) =>
		`count(*) FILTER (WHERE ${where}) AS "${name}", CAST(COALESCE(sum(record_key) FILTER (WHERE ${where}), 0) % 256 AS INTEGER) AS "${name}:key"`;
	const [row] = await engine.query<Record<string, number>>(
		new Sql(`SELECT ${[
			counted('referrals', 'TRUE'),
			counted('repeats', 'is_repeat'),
			counted('under_15', 'age_at_referral < 15'),
			counted('looked_after', 'looked_after'),
			counted('present_first', "ind_missing IN ('low', 'medium', 'high', 'present')"),
			counted('assessed_last', `${ident(last).text} <> 'not_assessed'`)
		].join(', ')}
		FROM ${referralFacts.text} WHERE ${filterPredicate(filters, referralColumns, except).text}`)
	);
	return row!;
}

const cubeFilters: Filters[] = [
	{},
	{ districts: ['fenland'] },
	{ districts: ['cambridge', 'fenland'], genders: ['female'] },
	{ ageBands: ['13-14', '18-24'], lookedAfter: true },
	{ from: '2025-04-01', to: '2026-03-31' },
	{ from: '2024-01-01', to: '2024-02-29', districts: [], ageBands: ['17'] },
	{
		from: '2022-05-01',
		districts: districts.codes.slice(0, 3),
		ageBands: ageBands.codes.slice(1, 4),
		genders: genders.codes.slice(0, 2),
		lookedAfter: false
	}
];

describe('the referral cube', () => {
	it.each(cubeFilters)('answers %j with the same counts as the facts', async (filters) => {
		expect(filtersSchema.parse(filters)).toEqual(filters);
		expect(cubeAnswers(referralCube, filters)).toBe(true);
		const fromCube = await countsFrom(filters);
		expect(fromCube).toEqual(await countsFromFacts(filters));
	});

	it('is small: far fewer rows than referrals', async () => {
		const [row] = await engine.query<{ cells: number; referrals: number }>(
			sql`SELECT count(*) AS cells, sum(rows) AS referrals FROM ${referralCube.table}`
		);
		expect(row!.referrals).toBe(2400);
		expect(row!.cells).toBeLessThan(2400);
	});

	it.each<[Filters, (keyof Filters)[]]>([
		[{ ethnicities: ['white'] }, []],
		[{ riskLevels: ['high'] }, []],
		[{ sources: ['police'] }, []],
		[{ from: '2025-04-15' }, []],
		[{ to: '2026-03-30' }, []],
		// Filters the cube has no dimension for: single-year ages, indicators, intervention, stage, repeat, NRM.
		[{ ageFrom: 14, ageTo: 17, genders: ['male'] }, []],
		[{ ageFrom: 13, ageTo: 14 }, []],
		[
			{
				indicators: { conditions: { ind_drugs: 'present', ind_concerning_adults: 'present' }, match: 'all' }
			},
			[]
		],
		[
			{
				districts: ['fenland'],
				indicators: {
					conditions: { ind_missing: 'present', ind_drugs: 'absent', ind_online: 'not_assessed' },
					match: 'at_least',
					atLeast: 2
				}
			},
			[]
		],
		[{ indicators: { conditions: { ind_gifts: 'present', ind_coercion: 'present' }, match: 'any' } }, []],
		[{ interventions: ['none'], from: '2024-04-01', to: '2025-03-31' }, []],
		[{ stages: ['mase_discussed', 'risk_tool_completed'], lookedAfter: true }, []],
		[{ repeat: true }, []],
		[{ nrm: false, ageBands: ['15-16'] }, []],
		[{ repeat: true, districts: ['fenland'] }, ['districts']]
	])('leaves %j to the facts, with the same answer', async (filters, except) => {
		expect(cubeAnswers(referralCube, filters, except)).toBe(false);
		expect(referralCounts(filters, except).from).toEqual(referralFacts);
		expect(await countsFrom(filters, except)).toEqual(await countsFromFacts(filters, except));
	});

	it('uses the cube when the only filter it cannot answer is left out', () => {
		expect(cubeAnswers(referralCube, { riskLevels: ['high'] }, ['riskLevels'])).toBe(true);
		expect(referralCounts({ riskLevels: ['high'] }, ['riskLevels']).from).toEqual(referralCube.table);
		expect(cubeAnswers(referralCube, { repeat: true, nrm: true }, ['repeat', 'nrm'])).toBe(true);
	});

	it('gives a count for the new filters that is not the unfiltered one', async () => {
		// Guards the equivalence above against a filter that silently matches everything or nothing.
		const all = (await countsFromFacts({})).referrals!;
		for (const filters of [
			{ ageFrom: 14, ageTo: 17 },
			{ indicators: { conditions: { ind_drugs: 'present' }, match: 'all' } },
			{ interventions: ['none'] },
			{ stages: ['central_list'] },
			{ repeat: true },
			{ nrm: true }
		] satisfies Filters[]) {
			const n = (await countsFrom(filters)).referrals!;
			expect(n).toBeGreaterThan(0);
			expect(n).toBeLessThan(all);
		}
	});
});

describe("the commissioner's cohort on the demo extract", () => {
	it('counts per district as an independent count of the CSV does', async () => {
		// Boys aged 14 to 17 with drug use and concerning adults present (any level), read straight from the file.
		const [header, ...lines] = readFileSync('data/demo/referrals.csv', 'utf8').trim().split('\n');
		const column = (name: string) => header!.split(',').indexOf(name);
		const present = new Set(['low', 'medium', 'high', 'present']);
		const expected: Record<string, number> = {};
		for (const cells of lines.map((line) => line.split(','))) {
			const age = Number(cells[column('age_at_referral')]);
			if (
				cells[column('gender')] === 'male' &&
				age >= 14 &&
				age <= 17 &&
				present.has(cells[column('ind_drugs')]!) &&
				present.has(cells[column('ind_concerning_adults')]!)
			) {
				const district = cells[column('district')]!;
				expected[district] = (expected[district] ?? 0) + 1;
			}
		}
		const counts = referralCounts({
			genders: ['male'],
			ageFrom: 14,
			ageTo: 17,
			indicators: { conditions: { ind_drugs: 'present', ind_concerning_adults: 'present' }, match: 'all' }
		});
		const rows = await engine.query<{ district: string; n: number }>(
			sql`SELECT CAST(district AS VARCHAR) AS district, ${counts.referrals().count} AS n
			FROM ${counts.from} WHERE ${counts.where} GROUP BY ALL`
		);
		expect(Object.fromEntries(rows.map((row) => [row.district, row.n]))).toEqual(expected);
		expect(Object.values(expected).reduce((a, b) => a + b)).toBeGreaterThan(100);
	});
});

describe('the episode cube', () => {
	const episodes = async (filters: Filters) => {
		const counts = episodeCounts(filters);
		const [cube] = await engine.query<{ n: number; looked_after: number }>(
			sql`SELECT ${keyedAs('n', counts.episodes())}, ${keyedAs('looked_after', counts.episodes(sql`looked_after`))}
			FROM ${counts.from} WHERE ${counts.where}`
		);
		const [facts] = await engine.query<{ n: number; looked_after: number }>(
			sql`SELECT count(*) AS n, CAST(COALESCE(sum(record_key), 0) % 256 AS INTEGER) AS "n:key",
				count(*) FILTER (WHERE looked_after) AS looked_after,
				CAST(COALESCE(sum(record_key) FILTER (WHERE looked_after), 0) % 256 AS INTEGER) AS "looked_after:key"
			FROM ${episodeFacts} WHERE ${filterPredicate(filters, episodeColumns)}`
		);
		return { cube: cube!, facts: facts!, from: counts.from };
	};

	it.each<Filters>([
		{},
		{ districts: ['peterborough'], ageBands: ['15-16', '17'] },
		{ from: '2026-06-01', to: '2026-08-31', lookedAfter: true }
	])('answers %j with the same counts as the facts', async (filters) => {
		const { cube, facts, from } = await episodes(filters);
		expect(from).toEqual(episodeCube.table);
		expect(cube).toEqual(facts);
		expect(facts.n).toBeGreaterThan(0);
	});

	it('ignores filters episodes do not have, as the facts do, and answers single years and part months', async () => {
		expect(cubeAnswers(episodeCube, { genders: ['female'], riskLevels: ['high'] })).toBe(true);
		const referralOnly: Filters = {
			indicators: { conditions: { ind_drugs: 'present' }, match: 'all' },
			interventions: ['deter'],
			stages: ['central_list'],
			repeat: true,
			nrm: true
		};
		expect(cubeAnswers(episodeCube, referralOnly)).toBe(true);
		expect(await episodes(referralOnly)).toEqual(await episodes({}));
		// The cube keeps the single year of age at the start (issue 14), so an age range is a cube filter.
		const singleYears = await episodes({ ageFrom: 14, ageTo: 17, districts: ['fenland'] });
		expect(singleYears.from).toEqual(episodeCube.table);
		expect(singleYears.cube).toEqual(singleYears.facts);
		expect(singleYears.facts.n).toBeLessThan((await episodes({ districts: ['fenland'] })).facts.n);
		// A part month: the whole months from the cube, the days of the part month from the facts.
		for (const period of [{ from: '2026-06-15' }, { from: '2024-02-10', to: '2025-07-19' }]) {
			const partMonth = await episodes(period);
			expect(partMonth.from.text).toContain(episodeCube.table.text);
			expect(partMonth.from.text).toContain(episodeFacts.text);
			expect(partMonth.cube).toEqual(partMonth.facts);
			expect(partMonth.facts.n).toBeGreaterThan(0);
		}
	});

	it('counts return home interviews as the facts do', async () => {
		const filters: Filters = { districts: ['fenland', 'peterborough'] };
		const counts = episodeCounts(filters);
		const [cube] = await engine.query<Record<string, number>>(
			sql`SELECT ${join(returnInterviewCounts.map((name) => keyedAs(name, counts.returnInterviews(name))))}
			FROM ${counts.from} WHERE ${counts.where}`
		);
		// Each measure's own per-row test summed over the facts: the cube's cells must add up to it.
		const measures = episodeCube.measures.filter((one) =>
			(returnInterviewCounts as readonly string[]).includes(one.name)
		);
		const [facts] = await engine.query<Record<string, number>>(
			sql`SELECT ${join(
				measures.map(
					(one) =>
						sql`CAST(sum(${one.perRow}) AS BIGINT) AS ${ident(one.name)}, CAST(sum((${one.perRow}) * record_key) % 256 AS INTEGER) AS ${ident(`${one.name}:key`)}`
				)
			)}
			FROM ${episodeFacts} WHERE ${filterPredicate(filters, episodeColumns)}`
		);
		expect(counts.from).toEqual(episodeCube.table);
		expect(cube).toEqual(facts);
		expect(cube!.within_72_hours).toBeGreaterThan(0);
	});
});

describe('the order of the cubes', () => {
	// A district click reads only its districts' row groups (zone maps) when each district's cells lie together.
	const tables = [
		...cubes().map((cube) => ({ table: cube.table, month: cube.dimensions.includes('month') })),
		...childCubes().map((cube) => ({ table: cube.table, month: true }))
	];
	it.each(tables.map((one) => [one.table.text, one] as const))(
		'writes %s district by district, by month within each',
		async (_, { table, month }) => {
			const runs = await engine.query<{ district: string; rows: number; span: number }>(
				sql`SELECT CAST(district AS VARCHAR) AS district, count(*) AS rows, max(rowid) - min(rowid) + 1 AS span
				FROM ${table} GROUP BY ALL`
			);
			expect(runs.length).toBeGreaterThan(3);
			expect(runs.filter((run) => run.rows !== run.span)).toEqual([]);
			if (!month) return;
			const [order] = await engine.query<{ months_back: number }>(
				sql`SELECT count(*) FILTER (WHERE month < previous) AS months_back
				FROM (SELECT month, lag(month) OVER (PARTITION BY district ORDER BY rowid) AS previous FROM ${table})`
			);
			expect(order).toEqual({ months_back: 0 });
		}
	);
});
