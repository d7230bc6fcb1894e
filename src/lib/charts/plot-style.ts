/**
 * The class every chart passes to Plot (`className`). Plot writes a <style> element into each chart it draws;
 * a page of charts then makes the browser parse one stylesheet per chart on every redraw (15 ms of a 200 ms
 * Overview filter change at 1M referrals). The rules live once in `plot.css`, loaded with the app's styles
 * (allowed by the CSP as 'self'), and `dropPlotStyle` removes the per-chart copies before a chart reaches the
 * page. A standalone SVG download carries the rules itself (`svgWithContext`).
 */
export const plotClass = 'sightline-plot';

/** Remove the <style> elements Plot wrote into a chart: `plot.css` styles every chart instead. */
export function dropPlotStyle<E extends Element>(chart: E): E {
	for (const style of chart.querySelectorAll('style')) style.remove();
	return chart;
}
