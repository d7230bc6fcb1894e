import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '$lib/engine/engine';
import { clearData } from '$lib/engine/load-arrow';
import { restoreTables, snapshotTables } from '$lib/engine/table-snapshot';
import { sql } from '$lib/sql/sql';
import { engineWith, episode, referral } from '../../helpers/engine';

let engine: Engine;
beforeAll(async () => {
	engine = await engineWith({
		referrals: [
			referral({ referral_id: "R'1", district: 'fenland', age_at_referral: 19 }),
			referral({ referral_id: 'R2', district: 'peterborough', looked_after: null })
		],
		missing_episodes: [episode({ episode_id: 'E1' })]
	});
});
afterAll(() => engine.close());

const everything = async () => ({
	referrals: await engine.query(sql`SELECT * FROM referrals ORDER BY referral_id`),
	episodes: await engine.query(sql`SELECT * FROM missing_episodes ORDER BY episode_id`)
});

describe('snapshotTables and restoreTables', () => {
	it('keep exactly the contract rows: restored after clearing, every value and type as loaded', async () => {
		const before = await everything();
		const snapshot = await snapshotTables(engine);
		await clearData(engine);
		expect((await everything()).referrals).toEqual([]);
		await restoreTables(engine, snapshot);
		expect(await everything()).toEqual(before);
		// The streams are copied on restore, so a snapshot can be restored again (the browser transfers them).
		await clearData(engine);
		await restoreTables(engine, snapshot);
		expect(await everything()).toEqual(before);
	});

	it('holds no column beyond the contract', async () => {
		const { tableFromIPC } = await import('apache-arrow');
		const snapshot = await snapshotTables(engine);
		const names = tableFromIPC(snapshot.referrals).schema.fields.map((field) => field.name);
		const [{ n } = { n: 0 }] = await engine.query<{ n: number }>(
			sql`SELECT count(*) AS n FROM information_schema.columns WHERE table_name = 'referrals'`
		);
		expect(names).toHaveLength(n);
		expect(names.join(' ')).not.toMatch(/birth|dob|worker/i);
	});
});
