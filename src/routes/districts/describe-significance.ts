import type { FunnelLabel } from '$lib/stats';

/** A funnel significance label in words for tables and tooltips. */
export function describeSignificance(label: FunnelLabel | null): string {
	switch (label) {
		case 'High (0.001)':
			return 'Higher (beyond 99.8% limit)';
		case 'High (0.025)':
			return 'Higher (beyond 95% limit)';
		case 'Low (0.001)':
			return 'Lower (beyond 99.8% limit)';
		case 'Low (0.025)':
			return 'Lower (beyond 95% limit)';
		case 'Not significant':
			return 'Similar (within 95% limits)';
		default:
			return 'Not calculated';
	}
}

/** Which way a label points: higher, lower or similar; null when not calculated. */
export function significanceDirection(label: FunnelLabel | null): 'higher' | 'lower' | 'similar' | null {
	if (label === null) return null;
	if (label.startsWith('High')) return 'higher';
	if (label.startsWith('Low')) return 'lower';
	return 'similar';
}

/** The same, compact, for table cells: "Higher (99.8%)", "Similar". */
export function shortSignificance(label: FunnelLabel | null): string {
	switch (label) {
		case 'High (0.001)':
			return 'Higher (99.8%)';
		case 'High (0.025)':
			return 'Higher (95%)';
		case 'Low (0.001)':
			return 'Lower (99.8%)';
		case 'Low (0.025)':
			return 'Lower (95%)';
		case 'Not significant':
			return 'Similar';
		default:
			return 'Not calculated';
	}
}
