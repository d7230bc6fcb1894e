import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TableName } from '$lib/contract';
import type { Engine } from '$lib/engine/engine';
import { loadPopulation } from '$lib/engine/load-reference';
import { checkStaged, loadStaged, readStaged, type StagedLoad } from '$lib/engine/load-staged';
import { createSchema, refreshFacts } from '$lib/engine/load-tables';
import { createNativeEngine } from '$lib/engine/native-engine';
import { ingestFile, type Issue } from '$lib/ingest';
import { derivedTables } from '$lib/sql/derived-tables';
import { episodeFacts, referralFacts, sliceFactsAbove } from '$lib/sql/derived';
import { ident, sql } from '$lib/sql/sql';
import { readFileSync } from 'node:fs';
import { pageCsv } from '../../../src/cli/page-csv';
import { contractCsv, TEST_SECRET } from '../../helpers/engine';
import { demoEngine, demoRows } from '../../helpers/page';

const today = '2026-12-07';
const folder = mkdtempSync(join(tmpdir(), 'sightline-staged-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function nativeWith(files: Partial<Record<TableName, string>>): Promise<{
	engine: Engine;
	loads: StagedLoad[];
}> {
	const engine = await createNativeEngine();
	await createSchema(engine, TEST_SECRET);
	await loadPopulation(engine, readFileSync('data/reference/district-population.csv', 'utf8'));
	const loads: StagedLoad[] = [];
	for (const [table, path] of Object.entries(files) as [TableName, string][])
		loads.push(await loadStaged(engine, table, { path, format: 'csv' }, { today }));
	await refreshFacts(engine);
	return { engine, loads };
}

describe('native load of the demo extract', () => {
	let native: Engine;
	let wasm: Engine;
	let loads: StagedLoad[];
	beforeAll(async () => {
		({ engine: native, loads } = await nativeWith({
			referrals: 'data/demo/referrals.csv',
			missing_episodes: 'data/demo/missing_episodes.csv'
		}));
		wasm = await demoEngine();
	}, 300_000);
	afterAll(async () => {
		await native.close();
		await wasm.close();
	});

	it('accounts for every row: all read and loaded, none rejected', () => {
		const demo = demoRows();
		expect(
			loads.map(({ table, read, loaded, rejectedRows, outOfScope }) => ({
				table,
				read,
				loaded,
				rejectedRows,
				outOfScope
			}))
		).toEqual([
			{
				table: 'referrals',
				read: demo.referrals.length,
				loaded: demo.referrals.length,
				rejectedRows: 0,
				outOfScope: 0
			},
			{
				table: 'missing_episodes',
				read: demo.missing_episodes.length,
				loaded: demo.missing_episodes.length,
				rejectedRows: 0,
				outOfScope: 0
			}
		]);
	});

	it('gives the same facts and cube totals as the wasm engine the app runs', async () => {
		const metrics = sql`SELECT
			(SELECT count(*) FROM referral_facts) AS referrals,
			(SELECT count(DISTINCT child_id) FROM referral_facts) AS children,
			(SELECT count(*) FILTER (WHERE is_repeat) FROM referral_facts) AS repeats,
			(SELECT sum(present_mask) FROM referral_facts) AS masks,
			(SELECT count(*) FROM episode_facts) AS episodes,
			(SELECT sum("rows") FROM referral_cube) AS cube_referrals,
			(SELECT sum(repeat_referrals) FROM referral_cube) AS cube_repeats,
			(SELECT sum("rows") FROM episode_cube) AS cube_episodes,
			(SELECT sum(within_72_hours) FROM episode_cube) AS cube_within_72_hours,
			(SELECT sum(age_at_referral) FROM referrals) AS ages`;
		const [onNative] = await native.query(metrics);
		const [onWasm] = await wasm.query(metrics);
		expect(onNative).toEqual(onWasm);
		expect((onNative as { referrals: number }).referrals).toBe(demoRows().referrals.length);
	});

	it('builds every derived table exactly as the wasm engine does, the facts of a large table in one statement', async () => {
		// Told the base tables are larger than the slicing size: the wasm engine writes the facts in date slices,
		// native DuckDB (which can spill) in one statement; every derived table must come out the same, row for row.
		const large = { referrals: sliceFactsAbove + 1, episodes: sliceFactsAbove + 1 };
		const built = { native: [] as string[], wasm: [] as string[] };
		for (const derived of derivedTables()) {
			for (const statement of derived.build(large, 'temporary')) {
				built.native.push(statement.text);
				await native.exec(statement);
			}
			for (const statement of derived.build(large, 'database')) {
				built.wasm.push(statement.text);
				await wasm.exec(statement);
			}
		}
		expect(built.native.length).toBeLessThan(built.wasm.length);
		for (const { table } of derivedTables()) {
			// `child_key` numbers children in whatever order DuckDB's UNION gives them (a surrogate: each engine
			// numbers them its own way), so it is left out; `child_id` names the child instead. The facts are
			// compared in storage order (sorted by date as they are written: period filters rely on it), the
			// rest as sorted rows.
			const columns = await native.query<{ name: string }>(
				sql`SELECT column_name AS name FROM duckdb_columns() WHERE table_name = ${table.text.replaceAll('"', '')}`
			);
			const keyed = columns.some((column) => column.name === 'child_key');
			const facts = table === referralFacts || table === episodeFacts;
			// As text: the two engines turn a HUGEINT (the cubes' sums of hashes) into a JavaScript number
			// differently, so equal values could read as unequal numbers.
			const rows = sql`SELECT COLUMNS(*)::VARCHAR FROM (SELECT * ${keyed ? sql`EXCLUDE (child_key)` : sql``} FROM ${table} ORDER BY ${facts ? sql`rowid` : sql`ALL`})`;
			expect(await native.query(rows), table.text).toEqual(await wasm.query(rows));
		}
	});

	it("prints the Overview's tables exactly as the wasm engine answers them", async () => {
		const csv = await pageCsv(native, 'overview', false);
		expect(csv).toBe(await pageCsv(wasm, 'overview', false));
		expect(csv).toContain('# referralSpans');
	});
});

/**
 * The parts of an issue both pipelines give: the native load numbers data rows but not lines (DuckDB's reader
 * does not say where a row starts), so the browser's "line" is left out, in the issue and in a duplicate's
 * reason.
 */
const comparable = (issue: Issue) => ({
	row: issue.row,
	column: issue.column,
	field: issue.field,
	value: issue.value,
	reason: issue.reason.replace(/, line \d+\)$/, ')')
});

describe('native load of a file with bad rows', () => {
	it('rejects and warns about the same rows, cells and reasons as the Data page', async () => {
		const [first, second, third, ...rest] = demoRows().referrals.slice(0, 12);
		const rows: Record<string, string>[] = [
			first!,
			// Duplicate of the first row's ID: rejected.
			{ ...second!, referral_id: first!.referral_id! },
			// Required date missing; an unknown gender (optional, kept with a warning).
			{ ...third!, referral_date: '', gender: 'zzz' },
			// Labels, a day-first date, spaces and "NA" read as the Data page reads them.
			{
				...rest[0]!,
				district: 'Fenland',
				referral_date: '31/12/2024',
				referral_id: `  ${rest[0]!.referral_id}  `,
				ind_missing: 'NA'
			},
			// Out of range age: rejected; dates before the plausible window (2000) or unreadable: rejected.
			{ ...rest[1]!, age_at_referral: '40' },
			{ ...rest[2]!, referral_date: '1999-12-31' },
			{ ...rest[2]!, referral_id: 'R-unreadable-date', referral_date: '12/25/2024' },
			// A referral date in the future (a warning; an age of 19 is within the contract and says nothing).
			{ ...rest[3]!, age_at_referral: '19', referral_date: '2027-01-05' },
			// A district outside the area reference: rejected (its other warnings are not listed).
			{ ...rest[4]!, district: 'Manchester', looked_after: 'maybe' },
			// A bad yes/no in an optional field: left blank with a warning; an invisible character removed.
			{ ...rest[6]!, looked_after: 'maybe', child_id: `${rest[6]!.child_id}\u200B` },
			// A duplicate of a row that was itself rejected is not a duplicate.
			{ ...rest[5]!, referral_id: rest[1]!.referral_id! },
			...rest.slice(7)
		];
		const path = join(folder, 'bad-referrals.csv');
		writeFileSync(path, contractCsv('referrals', rows));
		const { engine, loads } = await nativeWith({ referrals: path });
		await engine.close();
		const [load] = loads;

		const browser = await ingestFile(
			{ name: path, bytes: new Uint8Array(readFileSync(path)) },
			{ today, contractCheck: 'all' }
		);
		if (browser.status !== 'loaded')
			throw new Error(`the Data page did not load the file: ${browser.status}`);
		const { result } = browser;
		expect({ read: load!.read, loaded: load!.loaded, rejected: load!.rejectedRows }).toEqual({
			read: result.read,
			loaded: result.loaded,
			rejected: result.rejectedRows
		});
		expect(load!.rejectedRows).toBe(6);
		expect(load!.warningCount).toBe(load!.warnings.length);
		expect(load!.warnings.length).toBe(2);
		expect(load!.rejected.map(comparable)).toEqual(result.rejected.map(comparable));
		expect(load!.warnings.map(comparable)).toEqual(result.warnings.map(comparable));
		expect(load!.read).toBe(load!.loaded + load!.rejectedRows + load!.outOfScope);
	}, 120_000);
});

describe('native load working tables', () => {
	it("are written to DuckDB's temporary database, not the database file the load writes", async () => {
		const path = join(folder, 'working-referrals.csv');
		writeFileSync(path, contractCsv('referrals', demoRows().referrals.slice(0, 20)));
		const engine = await createNativeEngine(join(folder, 'working.duckdb'));
		try {
			await createSchema(engine, TEST_SECRET);
			const staged = await readStaged(engine, { path, format: 'csv' }, ident('stage_referrals'));
			const check = await checkStaged(engine, 'referrals', { path, format: 'csv' }, staged, { today });
			const working = await engine.query<{ table_name: string; temporary: boolean }>(
				sql`SELECT table_name, temporary FROM duckdb_tables() WHERE table_name LIKE '%_referrals' ORDER BY table_name`
			);
			expect(working).toEqual(
				['checked_referrals', 'duplicates_referrals', 'issues_referrals', 'stage_referrals'].map(
					(table_name) => ({ table_name, temporary: true })
				)
			);
			await check.insert();
			await check.discard();
			const [{ n } = { n: 0 }] = await engine.query<{ n: number }>(sql`SELECT count(*) AS n FROM referrals`);
			expect(n).toBe(20);
		} finally {
			await engine.close();
		}
	}, 60_000);
});
