import { afterAll, describe, expect, it } from 'vitest';
import { xmr } from '$lib/stats';
import { expectCloseToReference, reportReferenceErrors } from '../../helpers/reference';
import { screened, xmrExamples } from '../../helpers/xmr-examples';

afterAll(() => reportReferenceErrors('xmr'));

/** Twelve points alternating around 10 (mean exactly 10, MR̄ 2: limits 4.68–15.32, near limits 6.45–13.55). */
const BASELINE = [9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 11];

describe('xmr against NHSRplotthedots', () => {
	it.each(xmrExamples)('reproduces %s: limits and every special_cause_type label', (_, example) => {
		const result = xmr(example.input, { screenOutliers: screened(example) });
		expect(result.periods).toHaveLength(1);
		const period = result.periods[0];
		const label = 'XmR chart (limits via xmr)';
		expectCloseToReference(period?.mean, example.mean, 1e-9, label);
		expectCloseToReference(period?.meanMovingRange, example.mean_mr, 1e-9, label);
		expectCloseToReference(period?.lpl, example.lpl, 1e-9, label);
		expectCloseToReference(period?.upl, example.upl, 1e-9, label);
		expectCloseToReference(period?.nearLpl, example.near_lpl, 1e-9, label);
		expectCloseToReference(period?.nearUpl, example.near_upl, 1e-9, label);
		expect(result.points.map((p) => p.specialCauseType)).toEqual(example.special_cause_type);
	});

	it('does not screen by default, as the Making Data Count Excel tool (vignette: UPL 6.95, LPL −3.06)', () => {
		const excel = xmrExamples.find(([name]) => name === 'deviations_vignette_excel_mdc')?.[1];
		const result = xmr(excel?.input ?? []);
		expect(result.periods[0]?.upl).toBeCloseTo(6.95, 2);
		expect(result.periods[0]?.lpl).toBeCloseTo(-3.06, 2);
	});
});

describe('xmr rules on constructed series', () => {
	it('treats a point exactly on the mean as breaking a shift', () => {
		const broken = xmr([...BASELINE, 11, 11, 11, 10, 11, 11, 11, 11], { fixAfter: 12 });
		expect(broken.points.slice(12).map((p) => p.side)).toEqual([1, 1, 1, 0, 1, 1, 1, 1]);
		expect(broken.points.every((p) => p.specialCauseType === 'Common Cause')).toBe(true);
		const run = xmr([...BASELINE, 11, 11, 11, 11, 11, 11, 11, 11], { fixAfter: 12 });
		expect(run.points.slice(12).map((p) => p.specialCauseType)).toEqual(
			new Array(8).fill('7 Points Above CL')
		);
	});

	it('treats a tie as breaking a trend', () => {
		const wide = [0, 20, 0, 20, 0, 20, 0, 20, 0, 20, 0, 20];
		const trend = xmr([...wide, 1, 2, 3, 4, 5, 6, 7], { fixAfter: 12 });
		expect(trend.points.slice(12).map((p) => p.specialCauseType)).toEqual(
			new Array(7).fill('7 Point Trend (Increasing)')
		);
		const tied = xmr([...wide, 1, 2, 3, 3, 4, 5, 6], { fixAfter: 12 });
		expect(tied.points.slice(12).map((p) => p.specialCauseType)).toEqual(
			new Array(7).fill('7 Points Below CL')
		);
	});

	it('flags two of three points beyond a near limit on the same side', () => {
		const result = xmr([...BASELINE, 14, 10.5, 14], { fixAfter: 12 });
		expect(result.points.slice(12).map((p) => p.specialCauseType)).toEqual([
			'2 in 3 Above CL',
			'Common Cause',
			'2 in 3 Above CL'
		]);
		expect(result.points[12]?.closeToLimits).toBe(true);
	});

	it('leaves a constant series as common cause, with zero-width limits', () => {
		const result = xmr([3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3]);
		expect(result.periods[0]).toMatchObject({ mean: 3, meanMovingRange: 0, lpl: 3, upl: 3 });
		expect(result.points.every((p) => p.specialCauseType === 'Common Cause' && p.side === 0)).toBe(true);
		expect(result.variation).toEqual({ type: 'common cause', level: null });
	});
});

describe('xmr periods, baselines and warnings', () => {
	const stepped = [
		10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 20, 22, 20, 22, 20, 22, 20, 22, 20, 22, 20, 22
	];

	it('recalculates limits from a break point', () => {
		const result = xmr(stepped, { breakPoints: [12] });
		expect(result.periods.map((p) => [p.start, p.end, p.mean, p.meanMovingRange])).toEqual([
			[0, 12, 11, 2],
			[12, 24, 21, 2]
		]);
		expect(result.points[12]?.movingRange).toBeNull();
		expect(result.points[12]?.period).toBe(1);
		expect(result.points.every((p) => p.specialCauseType === 'Common Cause')).toBe(true);
		expect(result.provisional).toBe(false);
		// Without the break the step is a special cause throughout.
		const unbroken = xmr(stepped).points;
		expect(unbroken.every((p) => p.specialCauseType !== 'Common Cause')).toBe(true);
		expect(unbroken[1]?.specialCauseType).toBe('7 Points Below CL');
	});

	it('fixes limits on a baseline and judges later points against them', () => {
		const result = xmr([...BASELINE, 30, 9, 11], { fixAfter: 12 });
		expect(result.periods[0]).toMatchObject({ baselineLength: 12, mean: 10, meanMovingRange: 2 });
		expect(result.points[12]).toMatchObject({ specialCauseType: 'Above UCL', movingRange: null, upl: 15.32 });
	});

	it('warns that limits from fewer than 12 points are provisional', () => {
		const short = xmr(BASELINE.slice(0, 11));
		expect(short.provisional).toBe(true);
		expect(short.warnings).toEqual([
			'Limits for points 1 to 11 are provisional: they are based on 11 points, fewer than 12.'
		]);
		expect(xmr(BASELINE).provisional).toBe(false);
		expect(xmr([...BASELINE, ...BASELINE], { fixAfter: 6 }).periods[0]?.provisional).toBe(true);
		expect(xmr(stepped, { breakPoints: [18] }).periods.map((p) => p.provisional)).toEqual([false, true]);
	});

	it('gives the variation icon of the latest point for the improvement direction', () => {
		const values = [...BASELINE, 30];
		expect(xmr(values, { fixAfter: 12, improvementDirection: 'increase' }).variation).toEqual({
			type: 'special cause improving',
			level: 'high'
		});
		expect(xmr(values, { fixAfter: 12, improvementDirection: 'decrease' }).variation?.type).toBe(
			'special cause concerning'
		);
		expect(xmr(values, { fixAfter: 12 }).variation?.type).toBe('special cause neither');
		expect(xmr(values, { fixAfter: 12, improvementDirection: 'decrease' }).points[12]?.pointType).toBe(
			'special_cause_concern'
		);
	});

	it('handles an empty series and a single point', () => {
		expect(xmr([])).toEqual({ points: [], periods: [], provisional: false, warnings: [], variation: null });
		const one = xmr([5]);
		expect(one.points[0]).toMatchObject({ value: 5, mean: 5, lpl: null, specialCauseType: 'Common Cause' });
		expect(one.warnings[0]).toContain('based on 1 point,');
	});

	it('rejects bad options and values', () => {
		expect(() => xmr([1, 2, 3], { breakPoints: [0] })).toThrow(RangeError);
		expect(() => xmr([1, 2, 3], { breakPoints: [3] })).toThrow(RangeError);
		expect(() => xmr([1, 2, 3], { fixAfter: 0 })).toThrow(RangeError);
		expect(() => xmr([1, Number.NaN])).toThrow(RangeError);
	});
});
