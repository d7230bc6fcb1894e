import { tables, type TableName } from '$lib/contract';
import { literal, join, sql } from '$lib/sql/sql';
import type { Engine } from './engine';
import { uploadFile } from './ingest-staged';
import { populationCsvFile } from './load-reference';
import { contractCsvFile } from './load-tables';

/**
 * Close the engine to everything but the app's own files, once, after it has started: no file system or
 * network access except the named virtual files the app registers to load its CSVs (`allowed_paths`), and no
 * further change of configuration by anyone (`lock_configuration`), so neither setting can be switched back.
 * A file the user chooses is registered under the one name `uploadFile` (the Data page's staged load); other
 * user files come as Arrow from the ingest worker. DuckDB can lift neither setting without a
 * restart; this is the engine-level backstop behind the SQL console's own checks (`read-only-query.ts`).
 */
export async function lockDown(engine: Engine): Promise<void> {
	const files = [...(Object.keys(tables) as TableName[]).map(contractCsvFile), populationCsvFile, uploadFile];
	await engine.exec(sql`SET allowed_paths = [${join(files.map((file) => literal(file)))}]`);
	await engine.exec(sql`SET enable_external_access = false`);
	await engine.exec(sql`SET lock_configuration = true`);
}
