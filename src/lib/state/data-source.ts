import { uncoveredDays, type DayRange } from '$lib/domain/extract-coverage';

/** What the dashboard is showing, for the banner on every page and the footer of every export. */
export interface LoadedFile {
	name: string;
	table: 'referrals' | 'missing_episodes';
	rows: number;
	bytes: number;
	sha256: string;
	/** The first and last day of the file's main date (referral date, episode start), when it has rows. */
	days?: DayRange;
}

export interface DataSource {
	kind: 'demo' | 'files';
	files: LoadedFile[];
	/** When this data was loaded into the browser (ISO timestamp). */
	loadedAt: string;
}

/** Per table, the runs of days between appended extracts that none of them covers. */
export function sourceGaps(source: DataSource | undefined): Record<LoadedFile['table'], DayRange[]> {
	const ranges = (table: LoadedFile['table']) =>
		(source?.files ?? []).flatMap((file) => (file.table === table && file.days ? [file.days] : []));
	return {
		referrals: uncoveredDays(ranges('referrals')),
		missing_episodes: uncoveredDays(ranges('missing_episodes'))
	};
}
