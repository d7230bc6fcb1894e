/**
 * Cross-filtering from a chart: Plot sets `value` on the chart element to the datum under the pointer (the
 * pointer transform behind every tip), so a click reports that datum's key. Keyboard users have the filter
 * bar, which offers the same choice.
 */
export function selectOnClick<Datum>(
	chart: Element,
	key: (datum: Datum) => string | undefined,
	onSelect: ((key: string) => void) | undefined
): void {
	if (!onSelect) return;
	chart.addEventListener('click', () => {
		const datum = (chart as Element & { value?: Datum | null }).value;
		const selected = datum === null || datum === undefined ? undefined : key(datum);
		if (selected !== undefined) onSelect(selected);
	});
	(chart as HTMLElement | SVGElement).style.cursor = 'pointer';
}
