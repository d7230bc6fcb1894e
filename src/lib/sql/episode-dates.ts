import { episodeFacts } from './derived';
import { ident, sql, type Sql } from './sql';

/**
 * The first and last episode start dates loaded, in one row (`first_start`, `last_start`): the Missing page's
 * default period and its seasonality's bounds read them on every filter change, which on the facts is a scan
 * of every episode (issue 14). Rebuilt after every load, appends included: one pass over a date column.
 */
export const episodeDates = ident('episode_dates');

/** Build the row from the episode facts; run after the facts are built. */
export const buildEpisodeDates = (): Sql => sql`CREATE OR REPLACE TABLE ${episodeDates} AS
SELECT min(start_date) AS first_start, max(start_date) AS last_start FROM ${episodeFacts}`;
