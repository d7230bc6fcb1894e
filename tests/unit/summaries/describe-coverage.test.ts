import { describe, expect, it } from 'vitest';
import { describeCoverageJoin, describeGaps } from '$lib/summaries/describe-coverage';

describe('describeCoverageJoin', () => {
	it('names the uncovered days and what they do to the SPC limits', () => {
		const text = describeCoverageJoin(
			{ kind: 'gap', from: '2025-11-16', to: '2025-11-30', days: 15 },
			'extract.csv'
		);
		expect(text).toMatch(
			/^Gap: nothing loaded covers 16 (Nov|November) 2025?.*30 (Nov|November) 2025 \(15 days\)/
		);
		expect(text).toContain('left out of the SPC limits');
	});

	it('names the days two extracts both cover', () => {
		expect(
			describeCoverageJoin({ kind: 'overlap', from: '2025-11-01', to: '2025-11-01', days: 1 }, 'b.csv')
		).toMatch(/^Overlap: b\.csv and the data already loaded both cover .*\(1 day\)/);
	});
});

describe('describeGaps', () => {
	it('lists every run', () => {
		expect(
			describeGaps(
				[
					{ from: '2025-01-10', to: '2025-01-31' },
					{ from: '2025-06-01', to: '2025-06-30' }
				],
				'referrals'
			)
		).toMatch(/^No referrals loaded for .*; .*: a gap between your extracts/);
	});
});
