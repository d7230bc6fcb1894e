import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appendArrow, clearData } from '$lib/engine/load-arrow';
import { refreshFacts } from '$lib/engine/load-tables';
import { ingestFile, toArrowIPC } from '$lib/ingest';
import { sql } from '$lib/sql/sql';
import { engineWith, referral } from '../../helpers/engine';
import { engineForFile } from '../../helpers/file-engine';

async function ingestFixture(name: string) {
	const outcome = await ingestFile(
		{ name, bytes: new Uint8Array(readFileSync(`tests/fixtures/ingest/${name}`)) },
		{ today: '2026-11-25' }
	);
	if (outcome.status !== 'loaded') throw new Error(`${name}: ${outcome.status}`);
	return outcome.result;
}

const engine = engineForFile(() => engineWith({ referrals: [referral({ referral_id: 'DEMO-1' })] }));

describe('appendArrow', () => {
	it('loads validated rows from the ingest pipeline into the contract tables, types intact', async () => {
		await clearData(engine);
		const result = await ingestFixture('windows-1252-crlf.csv');
		await appendArrow(engine, 'referrals', toArrowIPC(result));
		await refreshFacts(engine);
		const [row] = await engine.query<{ n: number; first: string; districts: number }>(
			sql`SELECT count(*) AS n, CAST(min(referral_date) AS VARCHAR) AS first, count(DISTINCT district) AS districts FROM referral_facts`
		);
		expect(row?.n).toBe(result.loaded);
		expect(row?.first).toBe(result.dateRange?.min);
		const [demo] = await engine.query<{ n: number }>(
			sql`SELECT count(*) AS n FROM referrals WHERE referral_id = 'DEMO-1'`
		);
		expect(demo?.n).toBe(0);
	});

	it('appends a second extract after the first', async () => {
		await clearData(engine);
		const january = await ingestFixture('append-january.csv');
		const february = await ingestFixture('append-february.csv');
		await appendArrow(engine, 'referrals', toArrowIPC(january));
		await appendArrow(engine, 'referrals', toArrowIPC(february));
		const [row] = await engine.query<{ n: number }>(sql`SELECT count(*) AS n FROM referrals`);
		expect(row?.n).toBe(january.loaded + february.loaded);
	});

	it('loads missing episodes, open episodes keeping a null end date', async () => {
		await clearData(engine);
		const episodes = await ingestFixture('missing-episodes.csv');
		await appendArrow(engine, 'missing_episodes', toArrowIPC(episodes));
		const [row] = await engine.query<{ n: number; open: number }>(
			sql`SELECT count(*) AS n, count(*) FILTER (WHERE end_date IS NULL) AS open FROM missing_episodes`
		);
		expect(row?.n).toBe(episodes.loaded);
		// E3 has a blank MIS_END (still missing); E5's type "X" is rejected.
		expect(row?.open).toBe(1);
	});
});
