import { describe, expect, it } from 'vitest';
import { pointType, variationIcon, type SpecialCauseType } from '$lib/stats';

const HIGH: SpecialCauseType[] = [
	'Above UCL',
	'7 Point Trend (Increasing)',
	'2 in 3 Above CL',
	'7 Points Above CL'
];
const LOW: SpecialCauseType[] = [
	'Below LCL',
	'7 Point Trend (Decreasing)',
	'2 in 3 Below CL',
	'7 Points Below CL'
];

describe('pointType (NHSRplotthedots ptd_point_type)', () => {
	it('orients high and low special causes by the improvement direction', () => {
		for (const type of HIGH) {
			expect(pointType(type, 'increase')).toBe('special_cause_improvement');
			expect(pointType(type, 'decrease')).toBe('special_cause_concern');
			expect(pointType(type, 'neither')).toBe('special_cause_neutral_high');
		}
		for (const type of LOW) {
			expect(pointType(type, 'increase')).toBe('special_cause_concern');
			expect(pointType(type, 'decrease')).toBe('special_cause_improvement');
			expect(pointType(type, 'neither')).toBe('special_cause_neutral_low');
		}
		for (const direction of ['increase', 'decrease', 'neither'] as const) {
			expect(pointType('Common Cause', direction)).toBe('common_cause');
		}
	});
});

describe('variationIcon', () => {
	it('gives the four Making Data Count variation icons with high/low', () => {
		expect(variationIcon('Common Cause', 'increase')).toEqual({ type: 'common cause', level: null });
		expect(variationIcon('Above UCL', 'increase')).toEqual({
			type: 'special cause improving',
			level: 'high'
		});
		expect(variationIcon('Above UCL', 'decrease')).toEqual({
			type: 'special cause concerning',
			level: 'high'
		});
		expect(variationIcon('7 Points Below CL', 'decrease')).toEqual({
			type: 'special cause improving',
			level: 'low'
		});
		expect(variationIcon('2 in 3 Below CL', 'increase')).toEqual({
			type: 'special cause concerning',
			level: 'low'
		});
		expect(variationIcon('7 Point Trend (Increasing)', 'neither')).toEqual({
			type: 'special cause neither',
			level: 'high'
		});
		expect(variationIcon('Below LCL', 'neither')).toEqual({ type: 'special cause neither', level: 'low' });
	});
});
