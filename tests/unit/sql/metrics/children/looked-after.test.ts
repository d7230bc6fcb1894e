import { describe, expect, it } from 'vitest';
import { lookedAfterByQuarter, type LookedAfterQuarter } from '$lib/sql/metrics/children/looked-after';
import { engineWith } from '../../../../helpers/engine';
import { childrenFixture } from './fixture';
import { answer } from '../../../../helpers/answer';
import { engineForFile } from '../../../../helpers/file-engine';

const engine = engineForFile(() => engineWith({ referrals: childrenFixture }));

describe('lookedAfterByQuarter', () => {
	it('counts looked-after referrals and referrals with the status recorded, per calendar quarter', async () => {
		const rows = await answer<LookedAfterQuarter>(engine, lookedAfterByQuarter({}));
		expect(rows).toEqual([
			{ quarter: '2022-04-01', referrals: 1, looked_after: 0, known: 1 },
			{ quarter: '2022-10-01', referrals: 1, looked_after: 1, known: 1 },
			{ quarter: '2023-01-01', referrals: 1, looked_after: 0, known: 0 },
			{ quarter: '2023-04-01', referrals: 1, looked_after: 1, known: 1 },
			{ quarter: '2024-01-01', referrals: 1, looked_after: 0, known: 1 },
			{ quarter: '2024-04-01', referrals: 1, looked_after: 0, known: 1 }
		]);
	});

	it('ignores the looked-after filter, which would make the share 0% or 100%', async () => {
		const rows = await answer<LookedAfterQuarter>(
			engine,
			lookedAfterByQuarter({ lookedAfter: true, districts: ['fenland'] })
		);
		expect(rows.map((row) => [row.quarter, row.looked_after, row.known])).toEqual([
			['2022-04-01', 0, 1],
			['2023-01-01', 0, 0],
			['2023-04-01', 1, 1]
		]);
	});
});
