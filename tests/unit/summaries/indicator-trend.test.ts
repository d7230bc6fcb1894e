import { describe, expect, it } from 'vitest';
import { indicatorColumns } from '$lib/contract';
import { indicatorTrendView } from '$lib/summaries/indicator-trend';

const quarters = ['2024-01-01', '2024-04-01', '2024-07-01', '2024-10-01', '2025-01-01'];
function rows(missing: number[]) {
	return quarters.flatMap((quarter, index) =>
		indicatorColumns.map((indicator) => ({
			quarter,
			indicator,
			present: indicator === 'ind_missing' ? missing[index]! : 30,
			assessed: 100,
			referrals: 100
		}))
	);
}
const range = { publication: false, first: '2024-01-01', last: '2025-03-31' };

describe('indicatorTrendView', () => {
	it('names an indicator whose prevalence changes significantly at 99.8%', () => {
		const view = indicatorTrendView(rows([20, 30, 40, 50, 60]), range);
		expect(view.periods).toEqual([
			'Jan–Mar 2024',
			'Apr–Jun 2024',
			'Jul–Sept 2024',
			'Oct–Dec 2024',
			'Jan–Mar 2025'
		]);
		expect(view.trends.get('ind_missing')?.direction).toBe('rising');
		expect(view.title).toBe('‘Missing’ rose significantly between January–March 2024 and January–March 2025');
		expect(view.summary).toContain('‘Missing’ from 20.0% to 60.0%.');
	});

	it('names none when nothing changes', () => {
		const view = indicatorTrendView(rows([30, 29, 31, 30, 30]), range);
		expect(view.title).toBe(
			'No indicator’s prevalence changed significantly between January–March 2024 and January–March 2025'
		);
	});

	it('never compares a quarter with itself', () => {
		const one = rows([30, 30, 30, 30, 30]).filter((row) => row.quarter === '2024-07-01');
		const view = indicatorTrendView(one, { publication: false, first: '2024-07-01', last: '2024-09-30' });
		expect(view.title).not.toMatch(/between (.+) and \1/);
		expect(view.title).toBe('No indicator’s prevalence changed significantly in July–September 2024');
	});
});
