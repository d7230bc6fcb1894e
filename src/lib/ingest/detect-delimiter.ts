/** The delimiters UK extracts use: comma; semicolon (Excel in locales with a decimal comma); tab; pipe. */
export const delimiters = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof delimiters)[number];

/** Per record, how often each candidate delimiter occurs outside quotes. */
function countRecords(text: string, maxRecords: number): number[][] {
	const records: number[][] = [];
	let counts = delimiters.map(() => 0);
	let quoted = false;
	let empty = true;
	const limit = Math.min(text.length, 1 << 16);
	for (let i = 0; i < limit && records.length < maxRecords; i++) {
		const char = text[i];
		if (char === '"') {
			quoted = !quoted;
			empty = false;
		} else if (!quoted && (char === '\n' || char === '\r')) {
			if (!empty) records.push(counts);
			counts = delimiters.map(() => 0);
			empty = true;
		} else if (!quoted) {
			const index = (delimiters as readonly string[]).indexOf(char ?? '');
			if (index !== -1) counts[index]!++;
			if (char !== ' ') empty = false;
		}
	}
	if (!empty && records.length < maxRecords) records.push(counts);
	return records;
}

/**
 * Chooses the delimiter from the heading row, counting only outside quotes (a heading such as
 * "Date of referral, dd/mm/yyyy" must not vote for comma). When the heading has several candidates, the one
 * that splits the next rows into the same number of cells wins. Papaparse's own guess looks at data rows,
 * where free text with commas or semicolons can mislead it. A heading with none is one column: comma.
 */
export function detectDelimiter(text: string): Delimiter {
	const [header, ...rows] = countRecords(text, 21);
	if (!header) return ',';
	let best: Delimiter = ',';
	let bestScore = 0;
	delimiters.forEach((delimiter, index) => {
		const inHeader = header[index]!;
		if (inHeader === 0) return;
		const consistent = rows.filter((row) => row[index] === inHeader).length;
		const score = consistent * 10_000 + inHeader;
		if (score > bestScore) {
			best = delimiter;
			bestScore = score;
		}
	});
	return best;
}
