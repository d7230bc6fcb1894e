import { describe, expect, it } from 'vitest';
import { formatDayRange } from '$lib/format/date';
import { shownPeriod } from '$lib/domain/shown-period';

describe('the period a page shows', () => {
	it("takes the filter's dates where set, else the data's", () => {
		expect(shownPeriod({}, '2021-11-01', '2026-11-15')).toEqual({ first: '2021-11-01', last: '2026-11-15' });
		expect(shownPeriod({ from: '2025-04-01' }, '2021-11-01', '2026-11-15')).toEqual({
			first: '2025-04-01',
			last: '2026-11-15'
		});
		expect(shownPeriod({ from: '2025-04-01', to: '2026-03-31' }, null, null)).toEqual({
			first: '2025-04-01',
			last: '2026-03-31'
		});
	});

	it('is unknown until both ends are', () => {
		expect(shownPeriod({ from: '2025-04-01' }, undefined, undefined)).toBeUndefined();
		expect(shownPeriod({}, '2021-11-01', null)).toBeUndefined();
	});

	it('reads as an en-GB range', () => {
		expect(formatDayRange('2024-03-05', '2025-04-01')).toBe('5 March 2024 to 1 April 2025');
	});
});
