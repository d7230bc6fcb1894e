/**
 * The whole file cannot be read (empty, binary, damaged, no rows). Carries one plain-English message for
 * the user; the pipeline turns it into an `unreadable` outcome and previously loaded data stays untouched.
 */
export class UnreadableFileError extends Error {
	override readonly name = 'UnreadableFileError';
}
