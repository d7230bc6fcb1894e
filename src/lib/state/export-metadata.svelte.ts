import type { ExportMetadata } from '$lib/export/export-metadata';
import { formatDay } from '$lib/format/date';
import { formatCount } from '$lib/format/number';
import { describeFilters } from '$lib/summaries/describe-filters';
import { getDataset } from './dataset.svelte';
import { getFilterState } from './filter-state.svelte';

/** The context every export of the current view carries; call during component initialisation. */
export function exportMetadata(): (title: string) => ExportMetadata {
	const dataset = getDataset();
	const state = getFilterState();
	return (title) => {
		const source = dataset.source;
		const files = source?.files.map(
			(file) => `${file.name} (${formatCount(file.rows)} rows, SHA-256 ${file.sha256.slice(0, 12)}…)`
		);
		return {
			title,
			filters: describeFilters(state.filters, dataset.areas),
			source: `${source?.kind === 'demo' ? 'Synthetic demo data' : 'Loaded extract'}: ${files?.join('; ') ?? 'none'}`,
			asAt: dataset.extent?.last_referral ? formatDay(dataset.extent.last_referral) : 'unknown',
			publication: state.publication
		};
	};
}
