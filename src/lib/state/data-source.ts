/** What the dashboard is showing, for the banner on every page and the footer of every export. */
export interface LoadedFile {
	name: string;
	table: 'referrals' | 'missing_episodes';
	rows: number;
	bytes: number;
	sha256: string;
}

export interface DataSource {
	kind: 'demo' | 'files';
	files: LoadedFile[];
	/** When this data was loaded into the browser (ISO timestamp). */
	loadedAt: string;
}
