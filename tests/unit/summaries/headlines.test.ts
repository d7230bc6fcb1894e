import { describe, expect, it } from 'vitest';
import { comparisonWindows } from '$lib/state/comparison-windows';
import {
	changeSignals,
	headlineDefinitions,
	headlineFigure,
	mergeSpanCounts
} from '$lib/summaries/headlines';

const windows = comparisonWindows({}, '2021-11-02', '2026-11-15')!;
const referral = (span: string, area: string, referrals: number, repeat: number) => ({
	span,
	area,
	referrals,
	children: referrals - 2,
	repeat_referrals: repeat,
	looked_after: 10,
	looked_after_known: 40,
	under_15: Math.round(referrals / 3)
});
const rows = mergeSpanCounts(
	[
		referral('current', 'all', 140, 34),
		referral('previous', 'all', 149, 37),
		referral('year_ago', 'all', 125, 30),
		referral('current', 'fenland', 39, 9),
		referral('previous', 'fenland', 30, 8),
		referral('year_ago', 'fenland', 21, 4)
	],
	[
		{ span: 'current', area: 'all', episodes: 304, children_missing: 194 },
		{ span: 'previous', area: 'all', episodes: 221, children_missing: 150 },
		{ span: 'year_ago', area: 'all', episodes: 239, children_missing: 160 },
		{ span: 'current', area: 'fenland', episodes: 66, children_missing: 30 },
		{ span: 'previous', area: 'fenland', episodes: 60, children_missing: 30 },
		{ span: 'year_ago', area: 'fenland', episodes: 61, children_missing: 30 }
	]
);
const options = { publication: false, lookbackFrom: '2022-11-01' };
const definition = (key: string) => headlineDefinitions.find((one) => one.measure.key === key)!;

describe('mergeSpanCounts', () => {
	it('joins referral and episode counts by span and area', () => {
		expect(rows).toHaveLength(6);
		expect(rows[0]).toMatchObject({ span: 'current', area: 'all', referrals: 140, episodes: 304 });
	});
});

describe('headlineFigure', () => {
	it('shows the current value with both comparisons', () => {
		const figure = headlineFigure(definition('referrals'), rows, 'all', windows, options)!;
		expect(figure.value).toBe('140');
		expect(figure.comparisons.map((one) => [one.against, one.label, one.shown, one.verdict])).toEqual([
			['the previous quarter', 'April–June 2026', '149', 'not significantly different'],
			['the same quarter a year earlier', 'July–September 2025', '125', 'not significantly different']
		]);
	});

	it('shows shares with their counts, and suppresses small counts in publication mode', () => {
		const repeat = headlineFigure(definition('repeat_share'), rows, 'all', windows, options)!;
		expect(repeat).toMatchObject({ value: '24.3%', count: '34 of 140' });
		const fenland = headlineFigure(definition('repeat_share'), rows, 'fenland', windows, {
			...options,
			publication: true
		})!;
		expect(fenland.comparisons[1]).toMatchObject({ shown: 'c', verdict: 'withheld' });
	});

	it('offers no repeat comparison without a 12-month look-back', () => {
		const early = comparisonWindows({ from: '2022-07-01', to: '2022-09-30' }, '2021-11-02', '2026-11-15')!;
		const figure = headlineFigure(definition('repeat_share'), rows, 'all', early, options)!;
		expect(figure.comparisons[0]).toMatchObject({
			verdict: 'not available',
			label: 'no 12-month look-back in the data'
		});
	});
});

describe('changeSignals', () => {
	it('lists every significant change, overall and by district', () => {
		const signals = changeSignals(
			rows,
			windows,
			[
				{ area: 'all', label: 'All districts' },
				{ area: 'fenland', label: 'Fenland' }
			],
			true,
			options
		);
		const texts = signals.map((signal) => signal.text);
		const starts = (prefix: string) => texts.some((text) => text.startsWith(prefix));
		expect(
			starts(
				'Missing episodes overall were significantly higher in July–September 2026 (304) than in the previous quarter, April–June 2026 (221): rate ratio'
			)
		).toBe(true);
		expect(
			starts(
				'Referrals in Fenland were significantly higher in July–September 2026 (39) than in the same quarter a year earlier, July–September 2025 (21)'
			)
		).toBe(true);
		// Districts are compared on counts and the repeat share; the other shares overall only.
		const byDistrict = signals.filter((signal) => signal.area !== 'all').map((signal) => signal.measure);
		expect(
			byDistrict.every((key) => ['referrals', 'children', 'repeat_share', 'episodes'].includes(key))
		).toBe(true);
		expect(signals.every((signal) => signal.kind === 'change' && signal.current)).toBe(true);
	});
});
