/** Sign of each point against the centre line: 1 above, −1 below, 0 exactly on it. */
export type Side = -1 | 0 | 1;

/** NHSRplotthedots' `special_cause_type` labels, in its order of precedence. */
export type SpecialCauseType =
	| 'Above UCL'
	| 'Below LCL'
	| '7 Point Trend (Increasing)'
	| '7 Point Trend (Decreasing)'
	| '2 in 3 Above CL'
	| '2 in 3 Below CL'
	| '7 Points Above CL'
	| '7 Points Below CL'
	| 'Common Cause';

/** Run length for the trend and shift rules (Making Data Count uses 7). */
export const RUN_LENGTH = 7;

/** Marks every point of any run of `RUN_LENGTH` that ends at a flagged point (ptd_part_of_seven_trend). */
function partOfRun(endsRun: readonly boolean[]): boolean[] {
	return endsRun.map((_, i) => endsRun.slice(i, i + RUN_LENGTH).some(Boolean));
}

/**
 * Trend rule: seven consecutive points all increasing or all decreasing; an equal neighbour (a tie) breaks
 * the run. Returns, for each point, whether it belongs to such a run. NHSRplotthedots
 * `ptd_seven_point_trend` + `ptd_part_of_seven_trend`.
 */
export function trendRule(values: readonly number[]): boolean[] {
	const ends = values.map((_, i) => {
		if (i < RUN_LENGTH - 1) return false;
		let up = true;
		let down = true;
		for (let k = i - RUN_LENGTH + 2; k <= i; k++) {
			const d = (values[k] as number) - (values[k - 1] as number);
			if (!(d > 0)) up = false;
			if (!(d < 0)) down = false;
		}
		return up || down;
	});
	return partOfRun(ends);
}

/**
 * Shift rule: seven or more consecutive points on the same side of the centre line; a point exactly on
 * the line breaks the run. NHSRplotthedots `ptd_seven_point_one_side_mean` + `ptd_part_of_seven_trend`.
 */
export function shiftRule(sides: readonly Side[]): boolean[] {
	const ends = sides.map((s, i) => {
		if (s === 0 || i < RUN_LENGTH - 1) return false;
		for (let k = i - RUN_LENGTH + 1; k < i; k++) if (sides[k] !== s) return false;
		return true;
	});
	return partOfRun(ends);
}

/**
 * Two-in-three rule: two of three consecutive points beyond a near limit (but not beyond the process
 * limit), all three on the same side of the centre line. Only the points beyond the near limit are
 * flagged. NHSRplotthedots `ptd_two_in_three` + `ptd_part_of_two_in_three`.
 */
export function twoInThreeRule(closeToLimits: readonly boolean[], sides: readonly Side[]): boolean[] {
	const n = closeToLimits.length;
	const close = (i: number): number => (i >= 0 && i < n && closeToLimits[i] ? 1 : 0);
	const side = (i: number): number => (i >= 0 && i < n ? (sides[i] as number) : 0);
	const windowFires = (start: number): boolean =>
		close(start) + close(start + 1) + close(start + 2) >= 2 &&
		Math.abs(side(start) + side(start + 1) + side(start + 2)) === 3;
	return closeToLimits.map(
		(isClose, i) => isClose && (windowFires(i - 2) || windowFires(i - 1) || windowFires(i))
	);
}

/**
 * NHSRplotthedots' `special_cause_type` label for each point of one period, in its precedence: beyond a
 * process limit, then part of a 7-point trend, then 2 in 3 near a limit, then part of a 7-point shift. A
 * trend point's direction is taken from its right-hand neighbour when that is in the same trend, else from
 * its left (as `ptd_special_cause_type` does).
 *
 * Source: NHS England "Making Data Count"; NHSRplotthedots `ptd_special_cause_type` at commit 050b07d7.
 * Tested against the `special_cause_type` labels in `nhsrplotthedots/xmr-examples.json` and the package's
 * own unit cases (ties break a trend; a point on the mean breaks a shift; opposite sides break 2 in 3).
 */
export function specialCauseTypes(
	values: readonly number[],
	sides: readonly Side[],
	closeToLimits: readonly boolean[],
	outsideLimits: readonly boolean[]
): SpecialCauseType[] {
	const trend = trendRule(values);
	const twoInThree = twoInThreeRule(closeToLimits, sides);
	const shift = shiftRule(sides);
	return values.map((y, i) => {
		const above = (sides[i] as number) > 0;
		if (outsideLimits[i]) return sides[i] === 1 ? 'Above UCL' : 'Below LCL';
		if (trend[i]) {
			const right = i + 1 < values.length && trend[i + 1];
			const step = right ? (values[i + 1] as number) - y : i === 0 ? 0 : y - (values[i - 1] as number);
			return step > 0 ? '7 Point Trend (Increasing)' : '7 Point Trend (Decreasing)';
		}
		if (twoInThree[i]) return above ? '2 in 3 Above CL' : '2 in 3 Below CL';
		if (shift[i]) return above ? '7 Points Above CL' : '7 Points Below CL';
		return 'Common Cause';
	});
}
