import type { HeadingRows } from './find-header-row';

/**
 * The whole file cannot be read (empty, binary, damaged, no rows). Carries one plain-English message for
 * the user; the pipeline turns it into an `unreadable` outcome and previously loaded data stays untouched.
 */
export class UnreadableFileError extends Error {
	override readonly name = 'UnreadableFileError';
	/** Where the headings were taken from, when choosing another heading row might help. */
	readonly headings: HeadingRows | undefined;

	constructor(message: string, headings?: HeadingRows) {
		super(message);
		this.headings = headings;
	}
}
