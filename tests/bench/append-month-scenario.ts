import type { Engine } from '../../src/lib/engine/engine';
import { refreshFacts, type Refresh } from '../../src/lib/engine/load-tables';
import { sql } from '../../src/lib/sql/sql';

/** Milliseconds of each refresh, per run. */
export interface AppendMonthTimes {
	append: number[];
	rebuild: number[];
	rows: number;
}

/**
 * A further monthly extract of `size` referrals (issue 14), appended to what the engine holds (facts and cubes
 * built): the last `size` referrals loaded moved on a month, with new referral IDs; about half of them
 * keeps its child (a re-referral of a child already loaded), the rest are new children. Each run inserts the
 * month and times the append refresh, then removes it and times a full rebuild (of the data without the
 * month, which also leaves the facts ready for the next run), so both are timed back to back on the same
 * machine. Shared by the Node and the browser runs of `npm run bench -- append-month`.
 */
export async function appendMonthTimes(
	engine: Engine,
	runs: number,
	size = 10_000
): Promise<AppendMonthTimes> {
	const times: AppendMonthTimes = { append: [], rebuild: [], rows: 0 };
	const month = sql`SELECT * REPLACE (
		referral_id || '-next' AS referral_id,
		CASE WHEN hash(referral_id) % 2 = 0 THEN child_id ELSE child_id || '-next' END AS child_id,
		CAST(referral_date + INTERVAL 1 MONTH AS DATE) AS referral_date
	)
	FROM referrals
	ORDER BY referral_date DESC, referral_id
	LIMIT ${size}`;
	for (let run = 0; run < runs; run++) {
		await engine.exec(sql`INSERT INTO referrals ${month}`);
		times.rows = (
			await engine.query<{ n: number }>(
				sql`SELECT count(*) AS n FROM referrals WHERE referral_id LIKE '%-next'`
			)
		)[0]!.n;
		const started = performance.now();
		const done: Refresh = await refreshFacts(engine, () => {}, 'append');
		times.append.push(performance.now() - started);
		if (done !== 'append') throw new Error('the month was not appended incrementally');
		await engine.exec(sql`DELETE FROM referrals WHERE referral_id LIKE '%-next'`);
		const rebuildStarted = performance.now();
		await refreshFacts(engine);
		times.rebuild.push(performance.now() - rebuildStarted);
	}
	return times;
}
