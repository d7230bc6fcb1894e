import { describe, expect, it } from 'vitest';
import { episodeDates } from '$lib/sql/episode-dates';
import { sql } from '$lib/sql/sql';
import { engineWith, episode } from '../../helpers/engine';
import { demoEngine } from '../../helpers/page';
import { engineForFile } from '../../helpers/file-engine';

const engine = engineForFile(demoEngine);

describe('the episode dates row', () => {
	it('holds the first and last start dates of the episode facts', async () => {
		const [row] = await engine.query(sql`SELECT * FROM ${episodeDates}`);
		const [facts] = await engine.query(
			sql`SELECT min(start_date) AS first_start, max(start_date) AS last_start FROM episode_facts`
		);
		expect(row).toEqual(facts);
		expect(row).toEqual({ first_start: '2021-11-01', last_start: expect.stringMatching(/^2026-/) });
	});

	it('follows the episodes loaded', async () => {
		const own = await engineWith({
			missing_episodes: [
				episode({ episode_id: 'E1', start_date: '2023-03-04', end_date: '2023-03-05' }),
				episode({ episode_id: 'E2', start_date: '2022-12-31', end_date: null })
			]
		});
		try {
			expect(await own.query(sql`SELECT * FROM ${episodeDates}`)).toEqual([
				{ first_start: '2022-12-31', last_start: '2023-03-04' }
			]);
		} finally {
			await own.close();
		}
	});
});
