import { describe, expect, it } from 'vitest';
import { describeSpc } from '$lib/summaries/describe-spc';
import { measures } from '$lib/summaries/measures';
import { spcSignals } from '$lib/summaries/spc-signals';
import { periodRange } from '$lib/domain/calendar';
import { spcSeries, type SpcInput } from '$lib/transform/spc-series';

const months = periodRange('2024-01-01', '2025-07-01', 'month');
const make = (area: string, label: string, values: readonly number[], last?: Partial<SpcInput>) =>
	spcSeries(
		area,
		label,
		'month',
		values.map((value, index) => ({
			period: months[index]!,
			value,
			...(index === values.length - 1 ? last : {})
		}))
	);
// Mean 128/18 = 7.1: ten months below, then eight above; a 19th, incomplete month.
const rising = [5, 7, 5, 7, 5, 7, 5, 7, 5, 7, 8, 9, 8, 9, 8, 9, 8, 9, 2];
const steady = [6, 8, 7, 6, 8, 7, 6, 8, 7, 6, 8, 7, 6, 8, 7, 6, 8, 7, 3];
const context = (subject: string) => ({
	measure: measures.referrals,
	subject: () => subject,
	lastDay: '2025-07-10'
});

describe('describeSpc', () => {
	it('gives one series an active title and a summary with mean, limits, the signal and the incomplete month', () => {
		const series = make('all', 'All districts', rising, { excluded: 'incomplete' });
		const signals = spcSignals(series, measures.referrals, 'Referrals overall');
		const { title, summary } = describeSpc([series], signals, context('Referrals overall'));
		expect(title).toBe('Referrals overall have been above the mean for 8 months in a row');
		expect(summary).toBe(
			'Referrals overall: mean 7.1 a month, process limits 3.0 to 11.2, January 2024 to June 2025. ' +
				'Referrals overall have been above the mean (7.1 a month) for 8 months in a row, since November 2024 (special cause: shift). ' +
				'1 earlier special cause in the table. July 2025 is incomplete (data to 10 July 2025) and is not used for the limits.'
		);
	});

	it('lists districts with a current special cause and those with common cause only', () => {
		const fenland = make('fenland', 'Fenland', rising, { excluded: 'incomplete' });
		const cambridge = make('cambridge', 'Cambridge', steady, { excluded: 'incomplete' });
		const signals = [
			...spcSignals(fenland, measures.referrals, 'Referrals in Fenland'),
			...spcSignals(cambridge, measures.referrals, 'Referrals in Cambridge')
		];
		const { title, summary } = describeSpc([fenland, cambridge], signals, context('x'));
		expect(title).toBe('Referrals in Fenland have been above the mean for 8 months in a row');
		expect(summary).toBe(
			'Fenland: special cause, 8 months above the mean since November 2024. ' +
				'Cambridge: common-cause variation in the latest month. 1 earlier special cause in the table. ' +
				'July 2025 is incomplete (data to 10 July 2025) and is not used for the limits.'
		);
	});

	it('says when SPC is withheld in publication mode and when nothing is special', () => {
		const hidden = spcSeries('fenland', 'Fenland', 'month', [
			{ period: '2024-01-01', value: 3, published: null, symbol: 'c' },
			{ period: '2024-02-01', value: 9 }
		]);
		const cambridge = make('cambridge', 'Cambridge', steady.slice(0, 18));
		const { title, summary } = describeSpc([hidden, cambridge], [], context('x'));
		expect(title).toBe(
			'Referrals by district: no special cause in the latest month where SPC is shown (not shown for 1 district with suppressed counts)'
		);
		expect(summary).toBe(
			'Cambridge: common-cause variation in the latest month. SPC not shown for Fenland: counts suppressed in publication mode. Quarterly periods have larger counts and fewer suppressed.'
		);
		expect(describeSpc([cambridge], [], context('x')).title).toBe('x: no special cause in the latest month');
		expect(describeSpc([hidden], [], context('Referrals in Fenland')).summary).toBe(
			'Referrals in Fenland: SPC is not shown because some counts are suppressed in publication mode. Quarterly periods have larger counts and fewer suppressed.'
		);
	});

	it('names the periods without a 12-month look-back and a partial first period', () => {
		const series = spcSeries(
			'all',
			'All districts',
			'quarter',
			['2021-10-01', '2022-01-01', '2022-04-01', '2022-07-01', '2022-10-01', '2023-01-01', '2023-04-01'].map(
				(period, index) => ({
					period,
					value: 10 + index,
					excluded: index === 0 ? ('incomplete' as const) : index < 4 ? ('no-lookback' as const) : null
				})
			)
		);
		const { summary } = describeSpc([series], [], {
			...context('Repeat referrals overall'),
			firstDay: '2021-11-01'
		});
		expect(summary).toContain(
			'October–December 2021 is incomplete (data from 1 November 2021) and is not used for the limits. January–March 2022 to July–September 2022 have no full 12-month look-back for repeats in the data and are not used for the limits.'
		);
		expect(summary).toContain('(provisional limits: fewer than 12 points)');
	});

	it('has an empty state', () => {
		expect(describeSpc([], [], context('x')).summary).toBe('No referrals match the current filters.');
	});
});
