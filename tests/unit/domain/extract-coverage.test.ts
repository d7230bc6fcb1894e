import { describe, expect, it } from 'vitest';
import { coverageJoin, uncoveredDays } from '$lib/domain/extract-coverage';

const demo = { from: '2023-04-01', to: '2025-11-15' };

describe('coverageJoin', () => {
	it('flags the days between the data loaded and an extract starting later', () => {
		// The case: the demo runs to 15 November, the next extract starts on 1 December.
		expect(coverageJoin([demo], { from: '2025-12-01', to: '2025-12-31' })).toEqual({
			kind: 'gap',
			from: '2025-11-16',
			to: '2025-11-30',
			days: 15
		});
	});

	it('flags a gap before the data too (an earlier extract appended later)', () => {
		expect(coverageJoin([demo], { from: '2023-01-01', to: '2023-03-01' })).toMatchObject({
			kind: 'gap',
			from: '2023-03-02',
			to: '2023-03-31'
		});
	});

	it('reads a week or less without records as a quiet spell, not a gap', () => {
		expect(coverageJoin([demo], { from: '2025-11-16', to: '2025-12-31' })).toBeUndefined();
		expect(coverageJoin([demo], { from: '2025-11-23', to: '2025-12-31' })).toBeUndefined();
		expect(coverageJoin([demo], { from: '2025-11-24', to: '2025-12-31' })?.days).toBe(8);
	});

	it('flags the days two extracts both cover', () => {
		expect(coverageJoin([demo], { from: '2025-11-01', to: '2025-12-31' })).toEqual({
			kind: 'overlap',
			from: '2025-11-01',
			to: '2025-11-15',
			days: 15
		});
	});

	it('says nothing when nothing is loaded yet', () => {
		expect(coverageJoin([], demo)).toBeUndefined();
	});
});

describe('uncoveredDays', () => {
	it('lists the runs no extract covers, in any load order, ignoring overlaps and quiet weeks', () => {
		expect(
			uncoveredDays([
				{ from: '2025-12-01', to: '2025-12-31' },
				demo,
				{ from: '2025-10-01', to: '2025-11-10' },
				{ from: '2026-01-05', to: '2026-01-31' }
			])
		).toEqual([{ from: '2025-11-16', to: '2025-11-30' }]);
	});
});
