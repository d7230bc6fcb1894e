import { ident, literal, sql, type Sql } from './sql';

/**
 * Record keys for the cell key method (see `publication/ptable.ts`). Each referral and each missing episode
 * carries `record_key`, an integer 0–255 from a keyed hash of its ID with the partnership's secret; each
 * child carries `child_cell_hash`, a 64-bit keyed hash of their ID, for distinct-children counts (a cell's
 * key is then the sum of its distinct children's hashes modulo 256: summing 0–255 keys DISTINCT would merge
 * two children who happen to share a key). MD5 is built into DuckDB and the same on every device and
 * version, so the same extract and secret give the same keys, and the same published figures, anywhere.
 * The keys are not secret from the analyst (they are in the facts tables); the secret stops a reader of the
 * published figures from computing them from IDs.
 */
export const recordKey = ident('record_key');
export const childCellHash = ident('child_cell_hash');

/** The one-row table that holds the partnership secret the keys are computed with. */
export const secretTable = ident('partnership_secret');

/** Replace the partnership secret (rebuild the facts afterwards for the keys to follow). */
export function setSecret(secret: string): Sql[] {
	return [
		sql`CREATE OR REPLACE TABLE ${secretTable} (secret VARCHAR NOT NULL)`,
		sql`INSERT INTO ${secretTable} VALUES (${literal(secret)})`
	];
}

/**
 * A keyed 64-bit hash of an ID: `kind` keeps referral, episode and child hashes of the same ID apart.
 * `secret` is an expression (the secret table's column, joined in the facts query).
 */
export function keyedHash(secret: Sql, kind: string, id: Sql): Sql {
	return sql`md5_number_lower(${secret} || ${literal(`:${kind}:`)} || CAST(${id} AS VARCHAR))`;
}

/** A record key 0–255 from an ID. */
export function recordKeyOf(secret: Sql, kind: string, id: Sql): Sql {
	return sql`CAST(${keyedHash(secret, kind, id)} % 256 AS UTINYINT)`;
}
