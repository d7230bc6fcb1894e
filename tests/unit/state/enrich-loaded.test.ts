import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cambridgeshireAndPeterborough } from '$lib/contract';
import type { Engine } from '$lib/engine/engine';
import { ssda903Reference } from '$lib/ingest/read-ssda903-reference';
import { enrichLoaded } from '$lib/state/enrich-loaded';
import { sql } from '$lib/sql/sql';
import { engineWith, episode } from '../../helpers/engine';

// Episodes already in the engine (a Missing table loaded before its Header and Episodes tables, on the Data
// page): E1 and E2 are child K1's, E3 child K2's (who is in neither table); E2 already records a sex.
const row = (cells: string[], index: number) => ({ cells, row: index + 1, line: index + 2, problem: null });
const header = ssda903Reference(
	'header',
	'header.csv',
	['CHILD', 'SEX', 'DOB'],
	[['K1', '2', '01/06/2010']].map(row)
);
const periods = ssda903Reference(
	'episodes',
	'episodes.csv',
	['CHILD', 'DECOM', 'DEC'],
	[['K1', '01/01/2024', '31/01/2024']].map(row)
);

let engine: Engine;
beforeAll(async () => {
	engine = await engineWith({
		missing_episodes: [
			episode({
				episode_id: 'E1',
				child_id: 'K1',
				start_date: '2024-01-10',
				age_at_start: null,
				looked_after: true
			}),
			episode({
				episode_id: 'E2',
				child_id: 'K1',
				start_date: '2024-03-05',
				sex: 'male',
				age_at_start: null,
				looked_after: true
			}),
			episode({
				episode_id: 'E3',
				child_id: 'K2',
				start_date: '2024-02-01',
				age_at_start: null,
				looked_after: true
			})
		]
	});
});
afterAll(() => engine.close());

const loaded = () =>
	engine.query<{
		episode_id: string;
		sex: string | null;
		age_at_start: number | null;
		looked_after: boolean;
	}>(
		sql`SELECT episode_id, CAST(sex AS VARCHAR) AS sex, age_at_start, looked_after FROM missing_episodes ORDER BY episode_id`
	);

describe('enrichLoaded', () => {
	it("fills the engine's episodes by the rules of a load, keeping an episode's own contradicted value", async () => {
		const byHeader = await enrichLoaded(engine, header, cambridgeshireAndPeterborough, true);
		expect(byHeader?.enrichment.message).toBe(
			"Sex and age added to 2 of 3 missing episodes from header.csv; 1 episode's child is not in the header; 1 value the header contradicts (the episode's own value is kept; see the warnings)."
		);
		expect(byHeader?.warnings.map((warning) => [warning.file, warning.row, warning.column])).toEqual([
			['header.csv', 1, 'SEX']
		]);
		// Born 01/06/2010: 13 on 10/01/2024 and on 05/03/2024.
		const byPeriods = await enrichLoaded(engine, periods, cambridgeshireAndPeterborough, true);
		expect(byPeriods?.enrichment.matched).toBe(2);
		expect(await loaded()).toEqual([
			{ episode_id: 'E1', sex: 'female', age_at_start: 13, looked_after: true },
			// Outside K1's only period of care (January 2024): the implied "looked after" is replaced.
			{ episode_id: 'E2', sex: 'male', age_at_start: 13, looked_after: false },
			{ episode_id: 'E3', sex: null, age_at_start: null, looked_after: true }
		]);
	});
});
