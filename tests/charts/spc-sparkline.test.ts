// @vitest-environment jsdom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spcSparkline } from '$lib/charts/spc-sparkline';
import { periodRange } from '$lib/domain/calendar';
import { spcSeries, type SpcInput } from '$lib/transform/spc-series';
import { plotSparkline } from '../helpers/plot-sparkline';
import { svgSnapshot } from '../helpers/svg-snapshot';

// The sparkline is written as SVG by hand (seven are redrawn on each Overview filter change); Plot drew it
// before, through spcMarks. Both are drawn here from the same series and must make the same SVG: the same
// elements, attributes and coordinates to 3 decimals (svgSnapshot), so it looks as every SPC chart does.
const months = periodRange('2022-01-01', '2026-12-01', 'month');
const quarters = periodRange('2021-04-01', '2026-10-01', 'quarter');

const input = fc.record({
	value: fc.oneof(fc.integer({ min: 0, max: 400 }), fc.constantFrom(0, 1, 2)),
	suppressed: fc.boolean(),
	excluded: fc.constantFrom(
		undefined,
		undefined,
		undefined,
		'incomplete' as const,
		'no-lookback' as const,
		'empty' as const
	)
});

const seriesOf = (
	grain: 'month' | 'quarter',
	values: {
		value: number;
		suppressed: boolean;
		excluded?: 'incomplete' | 'no-lookback' | 'empty' | undefined;
	}[]
) => {
	const periods = grain === 'month' ? months : quarters;
	const inputs: SpcInput[] = values.map(({ value, suppressed, excluded }, index) => ({
		period: periods[index]!,
		value,
		...(suppressed ? { published: null, symbol: 'c' as const } : {}),
		...(excluded ? { excluded } : {})
	}));
	return spcSeries('all', 'All', grain, inputs);
};

describe('spcSparkline drawn by hand', () => {
	it('makes the SVG Plot made, on many series (gaps, special causes, exclusions, flat, tiny)', () => {
		fc.assert(
			fc.property(
				fc.constantFrom<'month' | 'quarter'>('month', 'quarter'),
				fc.array(input, { minLength: 0, maxLength: 22 }),
				fc.integer({ min: 60, max: 420 }),
				fc.constantFrom(undefined, 48, 64),
				(grain, values, width, height) => {
					// Mostly unsuppressed, so limits are drawn: a suppressed baseline withholds SPC.
					const series = seriesOf(
						grain,
						values.map((value, index) => ({ ...value, suppressed: value.suppressed && index % 4 === 3 }))
					);
					const options = { width, height, label: 'x', document };
					expect(svgSnapshot(spcSparkline(series, options))).toBe(
						svgSnapshot(plotSparkline(series, options))
					);
				}
			),
			{ numRuns: 300, seed: 14 }
		);
	});

	it('on the series of the golden files, and one all zero', () => {
		const shifts = [5, 7, 5, 7, 5, 7, 5, 7, 5, 7, 8, 9, 8, 9, 8, 9, 8, 9, 2];
		for (const values of [shifts, shifts.map(() => 0), [3], [1, 9, 1, 9, 1, 9, 1, 9, 1, 9, 1, 9]]) {
			const series = seriesOf(
				'month',
				values.map((value, index) => ({
					value,
					suppressed: false,
					excluded: index === 18 ? 'incomplete' : undefined
				}))
			);
			const options = { width: 200, label: 'x', document };
			expect(svgSnapshot(spcSparkline(series, options))).toBe(svgSnapshot(plotSparkline(series, options)));
		}
	});
});
