/** What every export carries so that a number never travels without its context. */
export interface ExportMetadata {
	title: string;
	/** The filters in words (describeFilters). */
	filters: string;
	/** Which data: "Synthetic demo data: referrals.csv …" or the user's file names. */
	source: string;
	/** The data's last date, en-GB. */
	asAt: string;
	publication: boolean;
}

export function metadataLines(meta: ExportMetadata): string[] {
	return [
		meta.title,
		`Filters: ${meta.filters}`,
		`Source: ${meta.source}`,
		`Data as at: ${meta.asAt}`,
		meta.publication
			? 'Publication mode: every count perturbed by the cell key method (no count of 1 to 5 shown as itself; totals perturbed on their own); shares over fewer than 10 withheld (c).'
			: 'Not for publication: small numbers are not suppressed.'
	];
}

/** A file name from a title: "Monthly referrals by district" → "monthly-referrals-by-district". */
export function fileStem(title: string): string {
	return (
		title
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-|-$/g, '')
			.slice(0, 80) || 'sightline'
	);
}
