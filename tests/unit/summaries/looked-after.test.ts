import { describe, expect, it } from 'vitest';
import { lookedAfterView } from '$lib/summaries/looked-after';

const quarter = (quarter: string, looked_after: number, known: number) => ({
	quarter,
	referrals: known + 1,
	looked_after,
	known
});

describe('lookedAfterView', () => {
	it('fills empty quarters, marks part quarters and tests for a trend', () => {
		const view = lookedAfterView(
			[quarter('2024-01-01', 20, 100), quarter('2024-04-01', 21, 100), quarter('2024-10-01', 19, 100)],
			{ publication: false, first: '2024-02-10', last: '2024-12-31' }
		);
		expect(view.points.map((point) => [point.period, point.complete, point.known])).toEqual([
			['Jan–Mar 2024', false, 100],
			['Apr–Jun 2024', true, 100],
			['Jul–Sept 2024', true, 0],
			['Oct–Dec 2024', true, 100]
		]);
		expect(view.points[2]!.share).toBeNull();
		expect(view.title).toBe(
			'20.0% of referrals are of looked-after children, with no significant change since January–March 2024'
		);
		expect(view.summary).toMatch(
			/^20\.0% \(95% CI 15\.9% to 24\.9%\) of referrals with looked-after status recorded were of looked-after children, between January–March 2024 and October–December 2024\. The chi-square test for trend across 3 quarters finds no significant change \(p = 0\.\d\d\)\.$/
		);
	});

	it('names a significant rise', () => {
		const view = lookedAfterView(
			[
				quarter('2024-01-01', 10, 100),
				quarter('2024-04-01', 20, 100),
				quarter('2024-07-01', 30, 100),
				quarter('2024-10-01', 40, 100)
			],
			{ publication: false, first: '2024-01-01', last: '2024-12-31' }
		);
		expect(view.title).toBe(
			'25.0% of referrals are of looked-after children, rising significantly since January–March 2024'
		);
	});
});
