import { describe, expect, it } from 'vitest';
import { comparisonWindows } from '$lib/state/comparison-windows';

// The demo extract runs from 2 November 2021 to 15 November 2026.
const first = '2021-11-02';
const last = '2026-11-15';

describe('comparisonWindows', () => {
	it('defaults to the latest complete financial quarter, against the previous quarter and a year earlier', () => {
		const windows = comparisonWindows({}, first, last)!;
		expect(windows.defaulted).toBe(true);
		expect(windows.current).toEqual({
			from: '2026-07-01',
			to: '2026-09-30',
			days: 92,
			label: 'July–September 2026'
		});
		expect(windows.previous).toMatchObject({ from: '2026-04-01', to: '2026-06-30', days: 91 });
		expect(windows.yearAgo).toMatchObject({
			from: '2025-07-01',
			to: '2025-09-30',
			label: 'July–September 2025'
		});
		expect(windows.previousName).toBe('the previous quarter');
		expect(windows.yearAgoName).toBe('the same quarter a year earlier');
	});

	it('compares whole months with the same number of months before', () => {
		const windows = comparisonWindows({ from: '2025-11-01', to: '2026-10-31' }, first, last)!;
		expect(windows.defaulted).toBe(false);
		expect(windows.current.label).toBe('November 2025 to October 2026');
		expect(windows.previous).toMatchObject({ from: '2024-11-01', to: '2025-10-31' });
		expect(windows.previousName).toBe('the previous 12 months');
		// The year-earlier window is the same 12 months: it is not listed a second time.
		expect(windows.yearAgo).toBeNull();
	});

	it('clips the period to the data and compares other spans day for day', () => {
		const windows = comparisonWindows({ from: '2026-04-01', to: '2026-12-31' }, first, last)!;
		expect(windows.current).toMatchObject({ from: '2026-04-01', to: '2026-11-15', days: 229 });
		expect(windows.current.label).toBe('1 April 2026 to 15 November 2026');
		expect(windows.previous).toMatchObject({ from: '2025-08-15', to: '2026-03-31', days: 229 });
		expect(windows.previousName).toBe('the previous 229 days');
		expect(windows.yearAgo).toMatchObject({ from: '2025-04-01', to: '2025-11-15' });
	});

	it('offers no comparison the data does not cover', () => {
		const windows = comparisonWindows({ from: '2022-01-01', to: '2022-03-31' }, first, last)!;
		expect(windows.previous).toBeNull();
		expect(windows.yearAgo).toBeNull();
		const fromStart = comparisonWindows({ to: '2022-10-31' }, first, last)!;
		expect(fromStart.current).toMatchObject({ from: '2021-11-01', to: '2022-10-31' });
		expect(fromStart.previous).toBeNull();
	});

	it('returns null when the filters select no day of the data', () => {
		expect(comparisonWindows({ from: '2027-01-01' }, first, last)).toBeNull();
	});
});
