import { describe, expect, it } from 'vitest';
import { compareProportions, compareRates } from '$lib/stats';
import { changeSignal, describeInterval } from '$lib/summaries/comparison-signals';
import { measures } from '$lib/summaries/measures';

const q2 = { label: 'Jul–Sept 2026', to: '2026-09-30' };
const q1 = 'Apr–Jun 2026';

describe('changeSignal', () => {
	it('states a significant rise in a count with the rate ratio and its interval', () => {
		// 304 episodes in 92 days against 221 in 91: ratio (304/92)/(221/91) = 1.36.
		const result = compareRates({ count: 304, population: 92 }, { count: 221, population: 91 });
		expect(result.verdict).toBe('significantly higher');
		const signal = changeSignal(
			measures.episodes,
			'all',
			'Missing episodes overall',
			{ ...q2, value: 304 },
			'the previous quarter',
			{ label: q1, value: 221 },
			result
		)!;
		const interval = `${result.lower!.toFixed(2)} to ${result.upper!.toFixed(2)}`;
		expect(signal.text).toBe(
			`Missing episodes overall were significantly higher in Jul–Sept 2026 (304) than in the previous quarter, Apr–Jun 2026 (221): rate ratio 1.36, 95% confidence interval ${interval}.`
		);
		expect(signal).toMatchObject({ kind: 'change', direction: 'high', current: true, area: 'all' });
	});

	it('states a significant change in a share in percentage points', () => {
		const result = compareProportions(
			{ numerator: 52, denominator: 100 },
			{ numerator: 30, denominator: 100 }
		);
		const signal = changeSignal(
			measures.under_15_share,
			'fenland',
			'The share of referrals for children under 15 in Fenland',
			{ ...q2, value: 0.52 },
			'the same quarter a year earlier',
			{ label: 'Jul–Sept 2025', value: 0.3 },
			result
		)!;
		expect(signal.text).toMatch(
			/^The share of referrals for children under 15 in Fenland was significantly higher in Jul–Sept 2026 \(52\.0%\) than in the same quarter a year earlier, Jul–Sept 2025 \(30\.0%\): difference \+22\.0 percentage points, 95% confidence interval \+\d+\.\d to \+\d+\.\d\.$/
		);
	});

	it('is null when the change is not significant or cannot be calculated', () => {
		const flat = compareRates({ count: 40 }, { count: 38 });
		expect(
			changeSignal(measures.referrals, 'all', 'R', { ...q2, value: 40 }, 'x', { label: q1, value: 38 }, flat)
		).toBeNull();
		const none = compareRates({ count: 0 }, { count: 0 });
		expect(none.verdict).toBe('cannot be calculated');
		expect(
			changeSignal(measures.referrals, 'all', 'R', { ...q2, value: 0 }, 'x', { label: q1, value: 0 }, none)
		).toBeNull();
	});
});

describe('describeInterval', () => {
	it('writes an unbounded ratio when the previous count is zero', () => {
		expect(describeInterval(compareRates({ count: 9 }, { count: 0 }))).toMatch(
			/^rate ratio infinite, 95% confidence interval \d+\.\d\d to infinity$/
		);
	});
});
