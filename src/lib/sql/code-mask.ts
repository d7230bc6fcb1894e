import { sql, type Sql } from './sql';

/**
 * The codes of an ENUM column among some rows as a bitmask (an aggregate): bit `enum_code + 1` per code, bit 0
 * for NULL. A row of the table had an episode with one of the codes of a mask `m` when `(type_mask & m) <> 0`.
 */
export const codeMask = (column: Sql): Sql =>
	sql`CAST(bit_or(1 << COALESCE(enum_code(${column}) + 1, 0)) AS INTEGER)`;
