/** What determines an extract: the same options always give byte-identical files. */
export interface GeneratorOptions {
	/** Referrals inside the extract window (exactly this many rows); missing episodes scale with it. */
	readonly rows: number;
	/** Any text; hashed into the generator state and the child-id key. */
	readonly seed: string;
	/** First day of the extract window (ISO date). */
	readonly start: string;
	/** The date the extract was taken (ISO date): nothing after it is known, and its month is incomplete. */
	readonly extractDate: string;
}

/** The committed demo extract (`data/demo/`): five years to 15 November 2026, about 480 referrals a year. */
export const demoOptions: GeneratorOptions = {
	rows: 2400,
	seed: '2026',
	start: '2021-11-01',
	extractDate: '2026-11-15'
};

/** Largest `rows` accepted (the benchmark size). */
export const MAX_ROWS = 1_000_000;

/** Whether options are those of the committed demo. */
export const isDemo = (options: GeneratorOptions): boolean =>
	options.rows === demoOptions.rows &&
	options.seed === demoOptions.seed &&
	options.start === demoOptions.start &&
	options.extractDate === demoOptions.extractDate;
