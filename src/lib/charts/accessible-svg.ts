import { dropPlotStyle } from './plot-style';

/**
 * Finish a Plot chart: give it one accessible name, and drop the <style> Plot wrote into it (`plot.css`
 * styles every chart once, see plot-style.ts). Plot writes `aria-label` on a role-less <svg> and on its mark
 * groups, which axe-core flags (`aria-prohibited-attr`). As a labelled image, the chart is announced by
 * its generated summary instead of hundreds of unlabeled paths; the table view carries the numbers.
 */
export function labelChart<E extends Element>(chart: E, label: string): E {
	const root = chart.tagName.toLowerCase() === 'svg' ? chart : chart.querySelector('svg');
	for (const element of chart.querySelectorAll('[aria-label], [aria-description]')) {
		element.removeAttribute('aria-label');
		element.removeAttribute('aria-description');
	}
	for (const svg of chart.querySelectorAll('svg')) svg.setAttribute('role', 'presentation');
	if (root) {
		root.setAttribute('role', 'img');
		root.setAttribute('aria-label', label);
	}
	return dropPlotStyle(chart);
}
