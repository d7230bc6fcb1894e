/**
 * Records what publication mode published before the publication seam (issue 9) as a frozen fixture, for
 * `reader-before.test.ts`. It ran once, on main at the commit that added it; it is skipped unless asked for,
 * and must not be re-run after the seam merges (the fixture is the record of the old behaviour):
 *   RECORD_PUBLICATION_BEFORE=1 TZ=Europe/London npx vitest run --project publication tests/publication/record-before.test.ts
 */
import { it } from 'vitest';
import { demoEngine } from '../helpers/page';
import { gather } from './gather';
import { freezeReading } from './frozen-reading';

it.skipIf(!process.env.RECORD_PUBLICATION_BEFORE)('records publication mode before the seam', async () => {
	const engine = await demoEngine();
	try {
		const reading = await gather(engine);
		freezeReading(
			reading,
			'tests/publication/fixtures/before-seam.json.gz',
			'Publication mode on main before the publication seam (per-view suppression of counts 1–5 with secondary suppression), demo extract, every reader view'
		);
	} finally {
		await engine.close();
	}
});
