import type { Page } from 'playwright-core';
import { glossary } from '../../src/lib/summaries/glossary';

/**
 * Issue 13: every technical term a sentence a board member reads uses (special cause, confidence interval,
 * rate ratio, p-value, Byar, Newcombe, Jaccard, SPC, process limits, …: the glossary's patterns) is glossed:
 * the figure, section or article holding the sentence links to the term's entry (`#glossary-<id>`, on the
 * Methods page or the pack's own glossary) or holds that entry. Returns each sentence that uses a term with
 * no gloss in reach, as "term: sentence".
 */
export function unglossed(page: Page): Promise<string[]> {
	const terms = glossary.map((entry) => ({
		id: entry.id,
		source: entry.pattern.source,
		flags: entry.pattern.flags
	}));
	return page.evaluate((terms) => {
		const patterns = terms.map((term) => ({ id: term.id, pattern: new RegExp(term.source, term.flags) }));
		const found: string[] = [];
		const blocks = document.querySelectorAll(
			'main p, main li, main h1, main h2, main h3, main dd, main figcaption, main caption, main .findings td'
		);
		for (const block of blocks) {
			if (block.closest('.terms') || !(block as HTMLElement).checkVisibility()) continue;
			// A block's own text, not that of a nested block checked on its own.
			const text = [...block.childNodes]
				.filter(
					(node) =>
						node.nodeType === Node.TEXT_NODE || !(node as Element).matches?.('p, ul, ol, dl, table, .terms')
				)
				.map((node) => node.textContent ?? '')
				.join('')
				.replace(/\s+/g, ' ');
			const scope = block.closest('figure, section, article, aside, main')!;
			for (const { id, pattern } of patterns) {
				if (!pattern.test(text)) continue;
				const glossed =
					scope.querySelector(`a[href$="#glossary-${id}"]`) !== null ||
					scope.querySelector(`#glossary-${id}`) !== null;
				if (!glossed) found.push(`${id}: ${text.trim().replace(/\s+/g, ' ').slice(0, 140)}`);
			}
		}
		return found;
	}, terms);
}
