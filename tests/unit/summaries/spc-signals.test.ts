import { describe, expect, it } from 'vitest';
import { measures } from '$lib/summaries/measures';
import { listPeriods, orderSignals, spcSignals } from '$lib/summaries/spc-signals';
import { periodRange } from '$lib/domain/calendar';
import { spcSeries } from '$lib/transform/spc-series';

const series = (values: readonly number[], grain: 'month' | 'quarter' = 'month', area = 'fenland') =>
	spcSeries(
		area,
		area,
		grain,
		periodRange('2024-01-01', '2031-12-01', grain)
			.slice(0, values.length)
			.map((period, index) => ({ period, value: values[index]! }))
	);

describe('spcSignals', () => {
	it('names each shift run with its mean, length and dates; the latest run is current', () => {
		// Mean 128/18 = 7.1: ten points below it, then eight above.
		const signals = spcSignals(
			series([5, 7, 5, 7, 5, 7, 5, 7, 5, 7, 8, 9, 8, 9, 8, 9, 8, 9]),
			measures.referrals,
			'Referrals in Fenland'
		);
		expect(signals.map((signal) => signal.text)).toEqual([
			'Referrals in Fenland were below the mean (7.1 a month) for 10 months in a row, January 2024 to October 2024 (special cause: shift).',
			'Referrals in Fenland have been above the mean (7.1 a month) for 8 months in a row, since November 2024 (special cause: shift).'
		]);
		expect(signals.map((signal) => [signal.rule, signal.direction, signal.current, signal.length])).toEqual([
			['shift', 'low', false, 10],
			['shift', 'high', true, 8]
		]);
		expect(signals[1]!.headline).toBe('Referrals in Fenland have been above the mean for 8 months in a row');
		expect(signals[1]!.short).toBe('8 months above the mean since November 2024');
		expect(orderSignals(signals)[0]).toBe(signals[1]);
	});

	it('names a point above the upper limit, with the limit and the value', () => {
		// Ten pairs 10, 14 then 30: mean 270/21 = 12.857, MR̄ 92/20 = 4.6, upper limit 25.09.
		const values = [...Array(10).fill([10, 14]).flat(), 30];
		const signals = spcSignals(series(values), measures.episodes, 'Missing episodes overall');
		expect(signals).toHaveLength(1);
		expect(signals[0]).toMatchObject({ rule: 'outside', direction: 'high', current: true, length: 1 });
		expect(signals[0]!.text).toBe(
			'Missing episodes overall were above the upper limit (25.1) in September 2025 (30), the latest month (special cause: outside the limits).'
		);
	});

	it('names a 7-point trend with its direction, dates and values', () => {
		// Five pairs 8, 12 then 7 to 13 rising: mean 10 (13 sits on it), no shift, nothing near a limit.
		const values = [8, 12, 8, 12, 8, 12, 8, 12, 8, 12, 7, 8, 9, 10, 11, 12, 13];
		const signals = spcSignals(series(values, 'quarter'), measures.referrals, 'Referrals overall');
		expect(signals.map((signal) => signal.text)).toEqual([
			'Referrals overall have risen quarter on quarter for 7 quarters, since July–September 2026, from 7 to 13 (special cause: trend).'
		]);
		expect(signals[0]).toMatchObject({
			rule: 'trend',
			direction: 'high',
			current: true,
			start: '2026-07-01'
		});
	});

	it('names 2 of 3 points close to a limit', () => {
		// Eight pairs 9, 11 then 15, 11, 15: the 15s lie between the near and the process upper limits.
		const values = [...Array(8).fill([9, 11]).flat(), 15, 11, 15];
		const signals = spcSignals(series(values), measures.repeat_referrals, 'Repeat referrals overall');
		expect(signals.map((signal) => signal.text)).toEqual([
			'Repeat referrals overall were close to the upper limit in May 2025 and July 2025 (special cause: 2 of 3 months beyond the warning limit).'
		]);
	});

	it('agrees with singular subjects and formats shares as percentages', () => {
		const values = [
			0.3, 0.32, 0.3, 0.32, 0.3, 0.32, 0.3, 0.32, 0.3, 0.32, 0.4, 0.42, 0.4, 0.42, 0.4, 0.42, 0.4
		];
		const signals = spcSignals(
			series(values),
			measures.under_15_share,
			'The share of referrals for children under 15'
		);
		expect(signals.at(-1)!.text).toMatch(
			/^The share of referrals for children under 15 has been above the mean \(\d+\.\d%\) for 7 months in a row, since November 2024 \(special cause: shift/
		);
	});

	it('finds nothing in common-cause variation or when SPC is withheld', () => {
		expect(spcSignals(series([10, 12, 11, 13, 10, 12, 11, 9, 12, 10]), measures.referrals, 'R')).toEqual([]);
		const withheld = spcSeries('fenland', 'Fenland', 'month', [
			{ period: '2024-01-01', value: 3, published: null, symbol: 'c' },
			{ period: '2024-02-01', value: 12 }
		]);
		expect(spcSignals(withheld, measures.referrals, 'R')).toEqual([]);
	});
});

describe('listPeriods', () => {
	it('lists months, sharing the year', () => {
		expect(listPeriods(['2026-06-01', '2026-07-01', '2026-08-01'], 'month')).toBe(
			'June, July and August 2026'
		);
		expect(listPeriods(['2025-11-01', '2026-05-01'], 'month')).toBe('November 2025 and May 2026');
		expect(listPeriods(['2025-07-01'], 'month')).toBe('July 2025');
		expect(listPeriods(['2026-04-01', '2026-07-01'], 'quarter')).toBe(
			'April–June 2026 and July–September 2026'
		);
	});
});
