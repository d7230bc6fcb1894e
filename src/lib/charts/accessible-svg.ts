/**
 * Give a Plot chart an accessible name. Plot writes `aria-label` on a role-less <svg>, which axe-core flags
 * (`aria-prohibited-attr`); as an image with a label, screen readers announce the summary instead of
 * hundreds of unlabeled paths. The table view carries the numbers.
 */
export function labelChart<E extends Element>(chart: E, label: string): E {
	const svg = chart.tagName.toLowerCase() === 'svg' ? chart : chart.querySelector('svg');
	for (const element of svg ? [svg, ...chart.querySelectorAll('svg')] : []) {
		element.setAttribute('role', element === svg ? 'img' : 'presentation');
		if (element === svg) element.setAttribute('aria-label', label);
		else element.removeAttribute('aria-label');
	}
	return chart;
}
