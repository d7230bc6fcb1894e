import { describe, expect, it } from 'vitest';
import { shiftRule, specialCauseTypes, trendRule, twoInThreeRule, type Side } from '$lib/stats';

const T = true;
const F = false;

describe('trendRule (seven points all rising or all falling)', () => {
	// Cases from NHSRplotthedots tests/testthat/test-ptd_calculate_point_type.R (ptd_seven_point_trend + part of).
	it('needs seven points', () => {
		expect(trendRule([1, 2, 3, 4, 5, 6])).toEqual([F, F, F, F, F, F]);
		expect(trendRule([])).toEqual([]);
	});
	it('flags all seven points of a rising or falling run', () => {
		expect(trendRule([1, 2, 3, 4, 5, 6, 7])).toEqual(new Array(7).fill(T));
		expect(trendRule([7, 6, 5, 4, 3, 2, 1])).toEqual(new Array(7).fill(T));
		expect(trendRule([2, 1, 2, 3, 4, 5, 6, 7, 3])).toEqual([F, T, T, T, T, T, T, T, F]);
	});
	it('is broken by a tie', () => {
		expect(trendRule([1, 2, 3, 3, 4, 5, 6])).toEqual(new Array(7).fill(F));
	});
});

describe('shiftRule (seven or more points on one side of the mean)', () => {
	it('flags every point of a run of seven or more', () => {
		expect(shiftRule([1, 1, 1, 1, 1, 1])).toEqual(new Array(6).fill(F));
		expect(shiftRule([1, 1, 1, 1, 1, 1, -1])).toEqual(new Array(7).fill(F));
		expect(shiftRule([1, 1, 1, 1, 1, 1, 1, 1, -1])).toEqual([T, T, T, T, T, T, T, T, F]);
		expect(shiftRule([-1, -1, -1, -1, -1, -1, -1, -1, 1])).toEqual([T, T, T, T, T, T, T, T, F]);
	});
	it('is broken by a point exactly on the mean', () => {
		const sides: Side[] = [1, 1, 1, 1, 0, 1, 1, 1, 1];
		expect(shiftRule(sides)).toEqual(new Array(9).fill(F));
	});
});

describe('twoInThreeRule (two of three beyond a near limit, all three on one side)', () => {
	const allAbove: Side[] = [1, 1, 1, 1, 1, 1, 1];
	it('flags only the points beyond the near limit', () => {
		expect(twoInThreeRule([T, F, T], [1, 1, 1])).toEqual([T, F, T]);
		expect(twoInThreeRule([F, T, T], [1, 1, 1])).toEqual([F, T, T]);
		expect(twoInThreeRule([F, F, T, F, T, F, F], allAbove)).toEqual([F, F, T, F, T, F, F]);
		expect(twoInThreeRule([T, F, F, T], [1, 1, 1, 1])).toEqual([F, F, F, F]);
		expect(twoInThreeRule([T, F, F, T, T], [1, 1, 1, 1, 1])).toEqual([F, F, F, T, T]);
	});
	it('does not fire when the three points are not all on the same side', () => {
		expect(twoInThreeRule([T, F, T], [1, -1, 1])).toEqual([F, F, F]);
		expect(twoInThreeRule([F, F, T, T, F, F, F], [-1, 1, -1, 1, -1, 1, -1])).toEqual(new Array(7).fill(F));
	});
});

describe('specialCauseTypes', () => {
	it('labels a rising run by its direction, taking the last point’s direction from its left', () => {
		const y = [1, 2, 3, 4, 5, 6, 7, 3];
		const sides: Side[] = [-1, -1, -1, 1, 1, 1, 1, -1];
		const none = new Array(8).fill(F);
		expect(specialCauseTypes(y, sides, none, none)).toEqual([
			...new Array(7).fill('7 Point Trend (Increasing)'),
			'Common Cause'
		]);
		expect(specialCauseTypes([9, 8, 7, 6, 5, 4, 3], new Array(7).fill(1), none, none)).toEqual(
			new Array(7).fill('7 Point Trend (Decreasing)')
		);
	});

	it('applies NHSRplotthedots’ precedence: limit, then trend, then 2 in 3, then shift', () => {
		const y = [5, 5, 5, 5, 5, 5, 5, 9, 9, 1];
		const sides: Side[] = [1, 1, 1, 1, 1, 1, 1, 1, 1, -1];
		const close = [F, F, F, F, F, F, T, T, F, F];
		const outside = [F, F, F, F, F, F, F, F, T, T];
		expect(specialCauseTypes(y, sides, close, outside)).toEqual([
			'7 Points Above CL',
			'7 Points Above CL',
			'7 Points Above CL',
			'7 Points Above CL',
			'7 Points Above CL',
			'7 Points Above CL',
			'2 in 3 Above CL',
			'2 in 3 Above CL',
			'Above UCL',
			'Below LCL'
		]);
	});

	it('labels 2 in 3 below and a run below', () => {
		const sides: Side[] = new Array(7).fill(-1);
		const close = [F, F, F, F, F, T, T];
		expect(specialCauseTypes([5, 4, 5, 4, 5, 1, 1], sides, close, new Array(7).fill(F))).toEqual([
			...new Array(5).fill('7 Points Below CL'),
			'2 in 3 Below CL',
			'2 in 3 Below CL'
		]);
	});
});
