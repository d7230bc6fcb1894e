import { normaliseKey } from './normalise-key';

/** Annex A and form prefixes: "a) Male", "(b) No", "q) 6: Police". */
const listPrefix = /^\s*\(?[a-z]{1,2}\)\s*(.+)$/i;
/** Separators between a code and its label: "6: Police", "1A - Family member". */
const codeLabelSeparator = /\s*:\s*|\s+[-–—]\s+/;

/**
 * Builds a lookup from every spelling of a coded value to the value, compared by `normaliseKey`. A spelling
 * that would mean two different values is a contract error and throws at once. Lookup tries the cell as
 * written, then without an Annex A letter prefix, then each side of "code: label" — and accepts the parts
 * only when they agree, so "q) 6: Police" is police but "1: Police" (individual or police?) is refused.
 */
export function valueResolver<T>(
	entries: Iterable<readonly [spelling: string, value: T]>
): (text: string) => T | undefined {
	const byKey = new Map<string, T>();
	for (const [spelling, value] of entries) {
		const key = normaliseKey(spelling);
		if (key === '') continue;
		const existing = byKey.get(key);
		if (existing !== undefined && existing !== value) {
			throw new Error(`The spelling "${spelling}" means both ${String(existing)} and ${String(value)}`);
		}
		byKey.set(key, value);
	}
	return (text) => {
		const direct = byKey.get(normaliseKey(text));
		if (direct !== undefined) return direct;
		const body = listPrefix.exec(text)?.[1] ?? text;
		if (body !== text) {
			const unprefixed = byKey.get(normaliseKey(body));
			if (unprefixed !== undefined) return unprefixed;
		}
		const parts = body.split(codeLabelSeparator).filter((part) => part.trim() !== '');
		if (parts.length < 2) return undefined;
		const found = parts.map((part) => byKey.get(normaliseKey(part))).filter((value) => value !== undefined);
		return found.length > 0 && found.every((value) => value === found[0]) ? found[0] : undefined;
	};
}
