import { formatCount } from './number';

/**
 * A count with its noun in agreement: (1, 'episode') → "1 episode", (3, 'episode') → "3 episodes",
 * (1, 'child', 'children') → "1 child". Sentences built as `${formatCount(n)} episodes` read "1 episodes"
 * whenever a filter narrows a count to one, so every summary that puts a noun after a number uses this.
 * `shown` replaces the digits (e.g. "c" when publication mode withholds the count): the noun is then plural.
 */
export function countNoun(count: number | null, one: string, many = `${one}s`, shown?: string): string {
	const digits = shown ?? (count === null ? 'c' : formatCount(count));
	return `${digits} ${count === 1 && shown === undefined ? one : many}`;
}
