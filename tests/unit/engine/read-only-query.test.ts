import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '$lib/engine/engine';
import { readOnlyQuery, wrappedQuery } from '$lib/engine/read-only-query';
import { ident, sql } from '$lib/sql/sql';
import { engineWith, episode, referral } from '../../helpers/engine';

let engine: Engine;
beforeAll(async () => {
	engine = await engineWith({
		referrals: [
			referral({ referral_id: 'R1', child_id: 'C1', district: 'fenland' }),
			referral({ referral_id: 'R2', child_id: 'C2', district: 'cambridge', gender: 'female' }),
			referral({ referral_id: "R3 'quoted'; DROP", child_id: 'C3', district: 'cambridge' })
		],
		missing_episodes: [episode({ episode_id: 'E1', child_id: 'C1' })]
	});
	// A file a hostile query might try to read: registered like the app's own CSVs while they load.
	await engine.registerText('secret.csv', 'a,b\n1,2\n');
});
afterAll(async () => {
	await engine.dropFile('secret.csv');
	await engine.close();
});

/** Everything a statement could change: each table's rows (count and hash), the catalog, the settings. */
async function fingerprint(): Promise<string> {
	const [{ db }] = (await engine.query<{ db: string }>(sql`SELECT current_database() AS db`)) as [
		{ db: string }
	];
	const names = await engine.query<{ name: string }>(
		sql`SELECT table_name AS name FROM duckdb_tables() WHERE database_name = ${db} ORDER BY 1`
	);
	const checksums = [];
	for (const { name } of names)
		checksums.push(
			...(await engine.query(
				sql`SELECT ${name} AS t, count(*) AS n, CAST(sum(hash(x)) AS VARCHAR) AS h FROM ${ident(name)} x`
			))
		);
	const catalog = await engine.query(
		sql`SELECT database_name, schema_name, table_name FROM duckdb_tables() UNION ALL
SELECT database_name, schema_name, view_name FROM duckdb_views() WHERE NOT internal UNION ALL
SELECT database_name, NULL, NULL FROM duckdb_databases() ORDER BY ALL`
	);
	const settings = await engine.query(
		sql`SELECT name, value FROM duckdb_settings() WHERE name NOT IN ('profiling_output') ORDER BY name`
	);
	return JSON.stringify({ checksums, catalog, settings });
}

/** Statements that write, reach outside the loaded tables, or hide a second statement: all refused. */
const hostile = [
	// rows and tables
	'INSERT INTO referrals SELECT * FROM referrals',
	"UPDATE referrals SET district = 'fenland'",
	'DELETE FROM referrals',
	'TRUNCATE referrals',
	'DROP TABLE referrals',
	'ALTER TABLE referrals ADD COLUMN x INTEGER',
	'CREATE TABLE copy_of AS SELECT * FROM referrals',
	'CREATE OR REPLACE TABLE referrals AS SELECT * FROM referrals LIMIT 1',
	'CREATE TEMP TABLE t AS SELECT 1',
	'CREATE VIEW v AS SELECT 1',
	'CREATE MACRO m(x) AS x + 1',
	'CREATE SEQUENCE s',
	// files, databases, extensions
	"COPY referrals TO 'out.csv'",
	"COPY (SELECT * FROM referrals) TO 'out.parquet' (FORMAT parquet)",
	"COPY referrals FROM 'secret.csv'",
	"EXPORT DATABASE 'dump'",
	"ATTACH ':memory:' AS other",
	"ATTACH 'https://example.org/db.duckdb' AS remote",
	'DETACH memory',
	'USE memory',
	'INSTALL httpfs',
	'LOAD httpfs',
	'FORCE INSTALL json',
	// settings
	'SET enable_external_access = true',
	'SET lock_configuration = false',
	'RESET ALL',
	'PRAGMA enable_profiling',
	"PRAGMA table_info('referrals')",
	'CALL pragma_version()',
	'CHECKPOINT',
	'VACUUM',
	'BEGIN TRANSACTION',
	'EXPLAIN ANALYZE SELECT 1',
	// reads of files, URLs, the catalog; table functions that act when bound
	"SELECT * FROM read_csv('secret.csv')",
	"SELECT * FROM read_csv_auto('secret.csv')",
	"SELECT * FROM read_text('secret.csv')",
	"SELECT * FROM read_blob('secret.csv')",
	"SELECT * FROM read_parquet('https://example.org/x.parquet')",
	"SELECT * FROM read_json('https://example.org/x.json')",
	"SELECT * FROM glob('*')",
	"SELECT * FROM sniff_csv('secret.csv')",
	"SELECT * FROM 'secret.csv'",
	"SELECT * FROM 'https://example.org/x.csv'",
	'SELECT * FROM "secret.csv"',
	"SELECT * FROM referrals, 'secret.csv'",
	"SELECT * FROM referrals JOIN read_text('secret.csv') ON true",
	"SELECT * FROM referrals, LATERAL read_csv('secret.csv')",
	`SELECT * FROM "read_csv"('secret.csv')`,
	"SELECT * FROM system.main.read_csv('secret.csv')",
	"SELECT * FROM query('DELETE FROM referrals')",
	"SELECT * FROM query_table('child_keys')",
	'SELECT * FROM enable_logging()',
	'SELECT * FROM checkpoint()',
	'SELECT * FROM duckdb_settings()',
	'SELECT * FROM duckdb_secrets()',
	'SELECT * FROM information_schema.tables',
	'SELECT * FROM child_keys',
	"SELECT glob('*')",
	// several statements, and keywords hidden by comments and strings
	'SELECT 1; DELETE FROM referrals',
	'SELECT 1;DROP TABLE referrals;',
	'SELECT 1 -- a comment\n; DELETE FROM referrals',
	'SELECT 1 /* ; */ ; DROP TABLE referrals',
	"SELECT '/*'; DELETE FROM referrals --*/",
	"SELECT E'\\''; DROP TABLE referrals; --'",
	'SELECT $$;$$; DROP TABLE referrals',
	'/* SELECT */ DELETE FROM referrals',
	'-- SELECT\nDELETE FROM referrals',
	'SELECT 1 /* never closed',
	"SELECT 'never closed",
	'SELECT * FROM (SELECT 1)) AS x; DROP TABLE referrals; SELECT * FROM ((SELECT 1',
	'SELECT 1) UNION ALL (SELECT 2',
	// data-changing statements wrapped in a query
	'WITH d AS (DELETE FROM referrals RETURNING *) SELECT * FROM d',
	'WITH x AS (SELECT 1) INSERT INTO referrals SELECT * FROM referrals',
	'WITH x AS (SELECT 1) DELETE FROM referrals',
	'SELECT * FROM (INSERT INTO referrals SELECT * FROM referrals RETURNING *)',
	'(UPDATE referrals SET district = NULL RETURNING *)'
];

describe('readOnlyQuery', () => {
	it.each(hostile)(
		'refuses %s, and every table, the catalog and the settings are unchanged',
		async (text) => {
			const before = await fingerprint();
			const answer = await readOnlyQuery(engine, text, 100);
			expect(answer.status).toBe('refused');
			expect(answer.status === 'refused' && answer.reason.length).toBeGreaterThan(10);
			expect(await fingerprint()).toBe(before);
		}
	);

	// The screen is not the only wall: each statement, sent straight to the prepared subquery and its plan
	// check, is refused there too. (What the fingerprint cannot see is a file read while DuckDB binds
	// read_csv: that is why the screen refuses such calls before DuckDB sees them, and why the app's engine
	// is locked down, tests/unit/engine/lock-down.test.ts.)
	it.each(hostile)(
		'refuses %s without the screen too: as one prepared subquery whose plan must only read',
		async (text) => {
			const before = await fingerprint();
			const answer = await wrappedQuery(engine, text, 100);
			expect(['refused', 'error']).toContain(answer.status);
			expect(await fingerprint()).toBe(before);
		}
	);

	it('says why in words a user can act on', async () => {
		const reason = async (text: string) => {
			const answer = await readOnlyQuery(engine, text, 10);
			return answer.status === 'refused' ? answer.reason : answer.status;
		};
		expect(await reason('DELETE FROM referrals')).toMatch(/^DELETE changes rows/);
		expect(await reason("SELECT * FROM read_csv('secret.csv')")).toMatch(/read_csv\(\) reads files/);
		expect(await reason('SELECT 1; SELECT 2')).toMatch(/semicolon/);
		expect(await reason('SELECT * FROM child_keys')).toMatch(/would read child_keys/);
		expect(await reason('SELECT * FROM information_schema.tables')).toMatch(/duckdb_tables\(\)/);
	});

	it('runs queries that read, keywords inside strings, quoted names and comments included', async () => {
		const rows = async (text: string) => {
			const answer = await readOnlyQuery(engine, text, 100);
			if (answer.status !== 'rows') throw new Error(JSON.stringify(answer));
			return answer.rows;
		};
		expect(
			await rows(
				'SELECT district, count(*) AS n FROM referral_facts GROUP BY district ORDER BY district; -- by district'
			)
		).toEqual([
			{ district: 'cambridge', n: 2 },
			{ district: 'fenland', n: 1 }
		]);
		expect(await rows("SELECT referral_id FROM referrals WHERE referral_id LIKE '%DROP'")).toEqual([
			{ referral_id: "R3 'quoted'; DROP" }
		]);
		expect(await rows(`SELECT 'DELETE FROM referrals; COPY' AS "load", 1 /* DROP */ AS n`)).toEqual([
			{ load: 'DELETE FROM referrals; COPY', n: 1 }
		]);
		expect(
			await rows(`WITH c AS (FROM episode_facts) SELECT count(*) AS n FROM c JOIN referrals USING (child_id)`)
		).toEqual([{ n: 1 }]);
		expect(await rows('SELECT sum(range) AS s FROM range(4)')).toEqual([{ s: 6 }]);
		expect(await rows("SELECT repeat('ab', 2) AS r")).toEqual([{ r: 'abab' }]);
		// FROM inside a scalar call is an argument, not a table: a string there is not a file.
		expect(
			await rows("SELECT trim(BOTH 'x' FROM 'xaxx') AS t, extract(year FROM DATE '2024-03-01') AS y")
		).toEqual([{ t: 'a', y: 2024 }]);
		expect((await rows('DESCRIBE population')).map((row) => row['column_name'])).toContain('children');
		// PIVOT names its columns: without IN (…) DuckDB first runs a statement to find them.
		expect(
			await rows(
				"PIVOT referrals ON district IN ('cambridge', 'fenland') USING count(*) GROUP BY gender ORDER BY gender"
			)
		).toEqual([
			{ gender: 'male', cambridge: 1, fenland: 1 },
			{ gender: 'female', cambridge: 1, fenland: 0 }
		]);
	});

	it('returns at most the rows asked for and says when there were more', async () => {
		const answer = await readOnlyQuery(engine, 'SELECT * FROM range(10)', 4);
		expect(answer).toMatchObject({ status: 'rows', truncated: true });
		expect(answer.status === 'rows' && answer.rows.length).toBe(4);
		expect(await readOnlyQuery(engine, 'SELECT * FROM range(4)', 4)).toMatchObject({ truncated: false });
	});

	it("passes DuckDB's own errors on for queries that read but are wrong", async () => {
		const answer = await readOnlyQuery(engine, 'SELECT no_such_column FROM referrals', 10);
		expect(answer.status).toBe('error');
		expect(answer.status === 'error' && answer.message).toMatch(/no_such_column/);
	});
});
