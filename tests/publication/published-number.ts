/**
 * One number as a reader sees it on a page: in a table cell (the table view and its CSV download are built
 * from the same rows and columns), a headline card, or a sentence. Its identity names where it is shown, so
 * the same figure can be matched across views and between publication mode on and off.
 */
export interface PublishedNumber {
	/** `page|step|row|column`: stable across views and modes. */
	id: string;
	page: string;
	step: string;
	/** A table row's label (its key columns), or the path to a text within the step's value. */
	row: string;
	/** A table column's label, or the words after a number in a sentence. */
	column: string;
	/** The text shown. */
	text: string;
	/** The number read from the text; null when a symbol is shown instead. */
	value: number | null;
	/** Half the width of the interval the printed value stands for (0.05 for "12.3"; 0 for a count). */
	halfWidth: number;
	/** A GSS symbol shown in place of a number (`c`), if any. */
	symbol?: string;
	/** Where the number sits: table cells can be summed by position; sentence numbers only by context. */
	kind: 'table' | 'text';
	/** A sentence's number its builder declares is not a count of records (a number of months). */
	notCount?: true;
}

/** The GSS symbols a table shows instead of a number. */
const symbols = new Set(['c', 'k', 'x', '[c]', '[x]', '[k]', '[z]', 'z', '[low]']);

const plain = /^(?<sign>[-−])?(?<digits>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?<fraction>\d+))?(?<percent>%)?$/;

/**
 * A printed number as a value and the half-width of its rounding interval: "1,234" → 1234 ± 0, "12.3" →
 * 12.3 ± 0.05, "12.3%" → 0.123 ± 0.0005 (shares are held as proportions). Undefined for anything else.
 */
export function readNumber(text: string): { value: number; halfWidth: number } | undefined {
	const match = plain.exec(text.trim());
	if (!match?.groups) return undefined;
	const { sign, digits, fraction, percent } = match.groups;
	const decimals = fraction?.length ?? 0;
	let value = Number(`${digits!.replaceAll(',', '')}${fraction ? `.${fraction}` : ''}`);
	if (sign) value = -value;
	let halfWidth = decimals === 0 ? 0 : 0.5 * 10 ** -decimals;
	if (percent) {
		value /= 100;
		// A whole percentage is rounded too: "12%" stands for 11.5% to 12.5%.
		halfWidth = 0.5 * 10 ** -(decimals + 2);
	}
	return { value, halfWidth };
}

/** Whether a table cell shows a disclosure symbol rather than a number. */
export function isSymbol(text: string): boolean {
	return symbols.has(text.trim());
}

const months =
	'(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)';
/** Dates, periods and labels whose digits are not figures: read over, never as numbers. */
const notFigures = new RegExp(
	[
		`\\b\\d{1,2} ${months}(?: \\d{4})?`,
		`\\b${months} \\d{4}`,
		`\\b\\d{4}-\\d{2}-\\d{2}\\b`,
		`\\b\\d{4}[-–/]\\d{2}\\b`,
		`\\bQ[1-4]\\b`,
		`\\b(?:19|20)\\d{2}\\b`,
		`\\b95% (?:confidence|Wilson|CI|interval)`,
		`\\b(?:aged?|ages) \\d{1,2}(?:[-–]\\d{1,2})?`,
		`\\b\\d{1,2}[-–]\\d{1,2}\\b`,
		`\\bp [=<] ?\\d*\\.?\\d+`,
		`\\b\\d+ (?:months?|days?|hours?|years?|weeks?|quarters?|comparisons?|districts?|indicators?) (?:window|before|earlier|apart|of data)`,
		`\\bin \\d+\\b`
	].join('|'),
	'g'
);

const figure = /(?<![\w.,])[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?(?![\w])/g;

/**
 * The figures in a sentence, each with the (up to) two words after it, which name what it counts: "Of 282
 * referrals, 251 were of boys" gives 282 "referrals" and 251 "were of". Dates, ages, years and p-values
 * are read over.
 */
export function sentenceFigures(text: string): { text: string; context: string; following: string }[] {
	const masked = text.replace(notFigures, (match) => '§'.repeat(match.length));
	const found: { text: string; context: string; following: string }[] = [];
	for (const match of masked.matchAll(figure)) {
		const number = match[0].replace(/[.,]$/, '');
		const after = match.index + match[0].length;
		const words = masked
			.slice(after)
			.toLowerCase()
			.replace(/[^a-z\s]+/g, ' ')
			.trim()
			.split(/\s+/)
			.filter(Boolean);
		// What follows as printed, digits kept ("or 2 days"), for a builder's declaration to match.
		const following = text
			.slice(after)
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, ' ')
			.trim();
		found.push({ text: number, context: words.slice(0, 2).join(' '), following });
	}
	return found;
}

/**
 * Whether a sentence's figure is one its builder declares is not a count of records: the words that
 * follow it as printed (lower case, letters and digits, one space between words) start with one of the
 * declared phrases (`ChartSpec.notCounts`: lower-case words and digits, `#` for any whole number).
 */
export const declaredNotCount = (following: string, notCounts: readonly string[]) =>
	notCounts.some((phrase) => new RegExp(`^${phrase.replaceAll('#', '\\d+')}`).test(following));
