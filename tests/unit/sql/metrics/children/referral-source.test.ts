import { describe, expect, it } from 'vitest';
import { referralsBySource, type SourceCount } from '$lib/sql/metrics/children/referral-source';
import { engineWith } from '../../../../helpers/engine';
import { childrenFixture } from './fixture';
import { answer } from '../../../../helpers/answer';
import { engineForFile } from '../../../../helpers/file-engine';

const engine = engineForFile(() => engineWith({ referrals: childrenFixture }));

describe('referralsBySource', () => {
	it('counts referrals by source, most first', async () => {
		const rows = await answer<SourceCount>(engine, referralsBySource({}));
		expect(rows).toEqual([
			{ source: 'police', referrals: 3 },
			{ source: 'schools', referrals: 2 },
			{ source: 'health', referrals: 1 }
		]);
	});

	it('ignores the source filter (the chart highlights it) but applies the others', async () => {
		const rows = await answer<SourceCount>(
			engine,
			referralsBySource({ sources: ['health'], from: '2023-01-01', to: '2023-12-31' })
		);
		expect(rows).toEqual([
			{ source: 'police', referrals: 1 },
			{ source: 'schools', referrals: 1 }
		]);
	});
});
