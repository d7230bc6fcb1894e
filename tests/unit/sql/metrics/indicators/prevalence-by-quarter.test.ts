import { describe, expect, it } from 'vitest';
import {
	indicatorPrevalenceByQuarter,
	type QuarterPrevalence
} from '$lib/sql/metrics/indicators/prevalence-by-quarter';
import { engineWith } from '../../../../helpers/engine';
import { indicatorFixture } from './fixture';
import { answer } from '../../../../helpers/answer';
import { engineForFile } from '../../../../helpers/file-engine';

const engine = engineForFile(() => engineWith({ referrals: indicatorFixture }));

describe('indicatorPrevalenceByQuarter', () => {
	it('counts each indicator per calendar quarter', async () => {
		const rows = await answer<QuarterPrevalence>(engine, indicatorPrevalenceByQuarter({}));
		expect([...new Set(rows.map((row) => row.quarter))]).toEqual([
			'2023-10-01',
			'2024-01-01',
			'2024-04-01',
			'2024-07-01'
		]);
		const missing = rows.filter((row) => row.indicator === 'ind_missing');
		expect(missing.map((row) => [row.quarter, row.present, row.assessed])).toEqual([
			['2023-10-01', 0, 1],
			['2024-01-01', 2, 2],
			['2024-04-01', 0, 1],
			['2024-07-01', 1, 1]
		]);
	});

	it('applies the filters', async () => {
		const rows = await answer<QuarterPrevalence>(
			engine,
			indicatorPrevalenceByQuarter({ from: '2024-04-01' })
		);
		expect([...new Set(rows.map((row) => row.quarter))]).toEqual(['2024-04-01', '2024-07-01']);
	});
});
