import { z } from 'zod';

/** How many past queries the console keeps. */
export const historyLength = 20;

const historySchema = z.array(z.string()).max(historyLength);

/** The newest query first; an earlier copy of the same text moves up rather than repeating. */
export function addToHistory(history: readonly string[], text: string): string[] {
	const query = text.trim();
	if (query === '') return [...history];
	return [query, ...history.filter((earlier) => earlier !== query)].slice(0, historyLength);
}

/** The history as stored on the device, or none when what is stored is missing or not a history. */
export function readHistory(stored: string | null): string[] {
	if (stored === null) return [];
	try {
		const parsed = historySchema.safeParse(JSON.parse(stored));
		return parsed.success ? parsed.data : [];
	} catch {
		return [];
	}
}
