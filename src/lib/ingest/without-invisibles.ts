/** Zero-width spaces and joiners, the word joiner and the byte-order mark: invisible wherever they sit. */
const invisible = /[\u200B-\u200D\u2060\uFEFF]/g;
const anyInvisible = /[\u200B-\u200D\u2060\uFEFF\u00A0]/;

/**
 * A text cell without the characters a reader cannot see, so IDs copied through a web page or a BOM-prefixed
 * export (`R1\u200B`, `\uFEFFR1`, `R\u00A01`) are the same ID as the one typed (`R1`, `R 1`): zero-width
 * characters and byte-order marks are removed, non-breaking spaces become ordinary spaces.
 */
export function withoutInvisibles(text: string): string {
	return anyInvisible.test(text) ? text.replace(invisible, '').replace(/\u00A0/g, ' ') : text;
}
