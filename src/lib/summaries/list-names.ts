import { formatCount } from '$lib/format/number';
/** An en-GB list of names: "A", "A and B", "A, B and C". */
export function listNames(names: readonly string[]): string {
	if (names.length <= 1) return names[0] ?? '';
	return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** "1 district", "3 districts". */
export function plural(count: number, one: string, many = `${one}s`): string {
	return `${formatCount(count)} ${count === 1 ? one : many}`;
}
