/** Spreadsheet column letter of a 0-based index (0 → A, 26 → AA): how users find a column in Excel. */
export function columnLetter(index: number): string {
	let letters = '';
	for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
		letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
	}
	return letters;
}

/** 0-based index of a spreadsheet column letter (A → 0, AA → 26). */
export function columnIndex(letters: string): number {
	let index = 0;
	for (const character of letters.toUpperCase()) index = index * 26 + (character.charCodeAt(0) - 64);
	return index - 1;
}

/**
 * A profile may name a column by letter ("column G") instead of by heading, for files whose headings repeat
 * (two "District" columns): returns its index, or null when the source is a heading.
 */
export function columnReference(source: string): number | null {
	const match = /^column ([A-Z]{1,3})$/i.exec(source.trim());
	return match ? columnIndex(match[1]!) : null;
}
