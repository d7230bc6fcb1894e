import { describe, expect, it } from 'vitest';
import { measures } from '$lib/summaries/measures';
import { collectSpcSignals, groupSignals, signalSubject } from '$lib/summaries/signal-list';
import { describePoint, spcTableRows } from '$lib/summaries/special-cause';
import { periodRange } from '$lib/domain/calendar';
import { spcSeries } from '$lib/transform/spc-series';

const months = periodRange('2024-01-01', '2025-12-01', 'month');
// Ten below the mean, eight above: an earlier shift and one still running.
const values = [5, 7, 5, 7, 5, 7, 5, 7, 5, 7, 8, 9, 8, 9, 8, 9, 8, 9];
const series = spcSeries(
	'fenland',
	'Fenland',
	'month',
	values.map((value, index) => ({ period: months[index]!, value }))
);

describe('signalSubject', () => {
	it('names the measure and the area', () => {
		expect(signalSubject(measures.referrals, series, true)).toBe('Referrals in Fenland');
		expect(signalSubject(measures.episodes, { area: 'all', label: 'All' }, true)).toBe(
			'Missing episodes overall'
		);
		expect(signalSubject(measures.episodes, { area: 'all', label: 'All' }, false)).toBe(
			'Missing episodes across the selected districts'
		);
	});
});

describe('groupSignals', () => {
	it('groups running special causes, changes, those during the period shown and earlier ones', () => {
		const spc = collectSpcSignals([{ measure: measures.referrals, series: [series] }], true);
		expect(spc).toHaveLength(2);
		const change = {
			kind: 'change' as const,
			direction: 'high' as const,
			measure: 'referrals' as const,
			area: 'all',
			against: 'the previous quarter',
			current: true as const,
			end: '2025-06-30',
			length: 0,
			text: 'A change.'
		};
		const during = groupSignals([...spc, change], { from: '2024-07-01', to: '2024-09-30' }, 'month');
		expect(during.running.map((signal) => signal.start)).toEqual(['2024-11-01']);
		expect(during.changes).toEqual([change]);
		expect(during.during.map((signal) => signal.start)).toEqual(['2024-01-01']);
		expect(during.earlier).toEqual([]);
		const later = groupSignals(spc, { from: '2025-04-01', to: '2025-06-30' }, 'month');
		expect(later.during).toEqual([]);
		expect(later.earlier.map((signal) => signal.start)).toEqual(['2024-01-01']);
	});
});

describe('spcTableRows', () => {
	it('gives one row per period with the limits and the SPC verdict in words', () => {
		const rows = spcTableRows([series]);
		expect(rows).toHaveLength(18);
		expect(rows[0]).toMatchObject({
			period: '2024-01-01',
			area: 'fenland',
			areaLabel: 'Fenland',
			value: 5,
			spc: 'Special cause: part of a run of 7 or more below the mean'
		});
		expect(rows[0]!.lpl).toBeCloseTo(128 / 18 - 2.66 * (26 / 17), 12);
	});

	it('shows suppressed values with their symbol and says why SPC is missing', () => {
		const hidden = spcSeries('fenland', 'Fenland', 'month', [
			{ period: '2024-01-01', value: 3, published: null, symbol: 'c' },
			{ period: '2024-02-01', value: 9 },
			{ period: '2024-03-01', value: 2, excluded: 'incomplete' }
		]);
		const rows = spcTableRows([hidden]);
		expect(rows[0]).toMatchObject({
			value: null,
			suppressed: { value: 'c' },
			spc: 'SPC not shown: counts suppressed'
		});
		expect(rows[2]!.spc).toBe('Incomplete period: not used for the limits');
		expect(describePoint(hidden.points[1]!, { withheld: null })).toBe('Common cause');
	});
});
