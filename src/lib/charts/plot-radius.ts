/**
 * The radius Plot's default `r` scale gives each value of a dot mark's `r` channel holding `values`
 * (@observablehq/plot 0.6, `inferRadialRange`): a square-root scale from 0 on which the channel's lower
 * quartile of positive values is 3 px, capped at 30 px. A chart restyled in place (`reselect`) sets the radii
 * Plot would have drawn for the new selection, arithmetic step for step, so the two drawings are the same
 * (tests/charts compare them).
 */
export function plotRadius(values: readonly number[]): (value: number) => number {
	const positive = values.filter((value) => value > 0).sort((a, b) => a - b);
	const max = Math.max(...values.filter(Number.isFinite));
	// d3.quantile(values, 0.25): linear between the two values either side of the rank.
	const rank = (positive.length - 1) * 0.25;
	const below = Math.floor(rank);
	const quartile =
		positive.length < 2
			? positive[0]!
			: positive[below]! + (positive[below + 1]! - positive[below]!) * (rank - below);
	const top = 3 * Math.sqrt(max / quartile);
	const range = top > 30 ? top * (30 / top) : top;
	// d3.scaleSqrt over [0, max]: the range's top times the value's square root's share of the domain's.
	return (value) => range * (Math.sqrt(value) / Math.sqrt(max));
}
