/**
 * A chart's SVG as stable text for a golden file (after Observable Plot's test/plot-snapshot.js): numbers
 * rounded to 3 decimals, so floating-point noise does not count as a change, and one element per line, so a
 * diff points at the mark that changed.
 */
export function svgSnapshot(chart: Element): string {
	return (
		chart.outerHTML
			.replace(/\d+\.\d{4,}/g, (number) => String(Number(Number(number).toFixed(3))))
			.replaceAll('><', '>\n<') + '\n'
	);
}
