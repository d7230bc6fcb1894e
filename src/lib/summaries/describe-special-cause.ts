import type { SpecialCauseType } from '$lib/stats';

/** A Making Data Count special-cause label in plain English, for tooltips and tables. */
export function describeSpecialCause(type: SpecialCauseType | null): string | null {
	switch (type) {
		case 'Above UCL':
			return 'above the upper process limit';
		case 'Below LCL':
			return 'below the lower process limit';
		case '7 Point Trend (Increasing)':
			return 'part of 7 months rising in a row';
		case '7 Point Trend (Decreasing)':
			return 'part of 7 months falling in a row';
		case '2 in 3 Above CL':
			return '2 of 3 months close to the upper limit';
		case '2 in 3 Below CL':
			return '2 of 3 months close to the lower limit';
		case '7 Points Above CL':
			return 'part of 7 or more months above the mean';
		case '7 Points Below CL':
			return 'part of 7 or more months below the mean';
		default:
			return null;
	}
}
