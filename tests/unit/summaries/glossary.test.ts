import { describe, expect, it } from 'vitest';
import { methods } from '$lib/stats';
import { glossary, glossaryAnchor, termsIn } from '$lib/summaries/glossary';

// The technical terms issue 13 found in board-facing sentences: each must have a plain-English entry.
const boardTerms = [
	'special cause',
	'common-cause variation',
	'process limits',
	'confidence interval',
	'rate ratio',
	'p-value',
	'Byar',
	'Newcombe',
	'Wilson',
	'Jaccard',
	'funnel',
	'XmR',
	'chi-square'
];

describe('glossary', () => {
	it.each(boardTerms)('explains "%s"', (term) => {
		expect(termsIn(term).length).toBeGreaterThan(0);
	});

	it('finds the terms sentences actually use, as the pages write them', () => {
		const found = (text: string) => termsIn(text).map((entry) => entry.id);
		expect(
			found(
				'Missing episodes overall were significantly higher in July–September 2026 (304): rate ratio 1.36, 95% confidence interval 1.15 to 1.62.'
			)
		).toEqual(['confidence-interval', 'significant', 'rate-ratio']);
		expect(found('Fenland: special cause, above the upper limit in July–September 2026.')).toEqual([
			'process-limits',
			'special-cause'
		]);
		expect(found('‘Education’ and ‘Drug use’ occur together most often (Jaccard index 0.43)')).toEqual([
			'jaccard'
		]);
		expect(found('Referrals by district, 2,400 in all')).toEqual([]);
	});

	it('gives every entry a unique anchor, a meaning, and a Methods section that exists', () => {
		const anchors = glossary.map(glossaryAnchor);
		expect(new Set(anchors).size).toBe(anchors.length);
		const sections = new Set(methods.map((method) => method.id));
		for (const entry of glossary) {
			expect(entry.meaning.length).toBeGreaterThan(40);
			if (entry.method) expect(sections.has(entry.method)).toBe(true);
		}
	});
});
