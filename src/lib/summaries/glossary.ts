/**
 * Plain-English meanings of the technical terms the summaries use, so a board member can read a sentence
 * written for analysts ("special cause: shift", "rate ratio 1.94, 95% confidence interval 1.11 to 3.41").
 * The Methods page lists every entry under an anchor (`/methods/#glossary-<id>`); charts and the signals
 * panel link the terms their own sentences use (`termsIn`). The test names stay in the sentences for
 * analysts; the glossary sits beside them rather than replacing them.
 */
export interface GlossaryEntry {
	/** Anchor on the Methods page: `glossary-${id}`. */
	id: string;
	/** The term as the glossary heads it. */
	term: string;
	/** How the term is written in sentences (case-insensitive, whole words). */
	pattern: RegExp;
	/** What it means, in plain English. */
	meaning: string;
	/** The Methods section that explains the method behind it, if any. */
	method?: string;
}

/** Every technical term a summary, caption or signal may use, in the order a reader meets them. */
export const glossary: readonly GlossaryEntry[] = [
	{
		id: 'confidence-interval',
		term: 'Confidence interval (95% interval, 95% CI)',
		pattern: /\b(confidence interval|9[59](?:\.8)?% (?:confidence )?interval|95% CI)\b/i,
		meaning:
			'The range the true figure probably lies in, allowing for chance: with few children the range is wide. "95%" means that ranges worked out this way contain the true figure 95 times in 100.',
		method: 'proportions'
	},
	{
		id: 'wilson',
		term: 'Wilson interval',
		pattern: /\bWilson\b/,
		meaning:
			'The way Sightline works out the range for a percentage. It stays sensible for small groups and for 0% or 100%.',
		method: 'proportions'
	},
	{
		id: 'byar',
		term: 'Byar’s method',
		pattern: /\bByar(?:’s|'s)?\b/,
		meaning:
			'The way Sightline works out the range for a count or a rate per 10,000 children: a close approximation to the exact method, used by Public Health England.',
		method: 'rates'
	},
	{
		id: 'rate',
		term: 'Rate per 10,000 children',
		pattern: /\bper 10,000 children\b/i,
		meaning:
			'Referrals divided by the number of children living in the area, times 10,000, so that areas of different sizes can be compared fairly.',
		method: 'rates'
	},
	{
		id: 'significant',
		term: 'Significant, significantly',
		pattern: /\b(statistically significant|significant(?:ly)?)\b/i,
		meaning:
			'Too large a difference to be put down to chance alone at the stated confidence (usually 95%). It does not mean large or important, and "not significantly different" does not prove two figures are the same.',
		method: 'comparisons'
	},
	{
		id: 'p-value',
		term: 'p-value (p = …)',
		pattern: /\b(p-value|p = \d|p < \d)/i,
		meaning:
			'How likely a difference or trend at least this large would be if nothing had really changed. Below 0.05 is called significant at 95%.',
		method: 'comparisons'
	},
	{
		id: 'rate-ratio',
		term: 'Rate ratio',
		pattern: /\brate ratio\b/i,
		meaning:
			'One count or rate divided by another: 1.5 means 50% higher, 0.8 means 20% lower, 1 means the same.',
		method: 'comparisons'
	},
	{
		id: 'newcombe',
		term: 'Newcombe’s interval',
		pattern: /\bNewcombe(?:’s|'s)?\b/,
		meaning:
			'The range for the difference between two percentages. If it does not include zero, the two percentages differ significantly.',
		method: 'comparisons'
	},
	{
		id: 'percentage-points',
		term: 'Percentage points',
		pattern: /\bpercentage points?\b/i,
		meaning:
			'The difference between two percentages: from 20% to 25% is a rise of 5 percentage points (and of 25% in relative terms).',
		method: 'comparisons'
	},
	{
		id: 'chi-square-trend',
		term: 'Chi-square test for trend',
		pattern: /\bchi-square\b/i,
		meaning:
			'A test of whether a percentage has been rising or falling steadily across the periods shown, rather than moving about by chance.',
		method: 'recent-trend'
	},
	{
		id: 'funnel-plot',
		term: 'Funnel plot (99.8% limits)',
		pattern: /\bfunnel\b/i,
		meaning:
			'A chart of each district against its size, with limits that narrow as the number of children grows. A district outside the limits differs from the partnership by more than chance would explain.',
		method: 'funnel-plots'
	},
	{
		id: 'xmr',
		term: 'XmR chart (statistical process control, SPC)',
		pattern: /\b(XmR|SPC|statistical process control|Making Data Count)\b/,
		meaning:
			'A chart of a count over time with its average and process limits, used in the NHS to tell a real change from the usual ups and downs.',
		method: 'spc'
	},
	{
		id: 'process-limits',
		term: 'Process limits (upper and lower limit)',
		pattern: /\b(process limits?|(?:upper|lower) (?:process )?limit)\b/i,
		meaning:
			'The range a count normally stays within when nothing has changed, worked out from its own past. A point outside it is unusual.',
		method: 'spc'
	},
	{
		id: 'common-cause',
		term: 'Common-cause variation',
		pattern: /\bcommon[- ]cause\b/i,
		meaning:
			'The usual ups and downs from month to month. Nothing needs explaining: reacting to it as if it were a change is a mistake.',
		method: 'spc'
	},
	{
		id: 'special-cause',
		term: 'Special cause (shift, trend, outside the limits)',
		pattern: /\bspecial[- ]causes?\b/i,
		meaning:
			'A pattern unlikely to be chance, worth asking why: a point outside the process limits, 7 or more points in a row on one side of the average (a shift), or 7 points rising or falling in a row (a trend).',
		method: 'spc'
	},
	{
		id: 'provisional-limits',
		term: 'Provisional limits',
		pattern: /\bprovisional limits\b/i,
		meaning:
			'Process limits based on fewer than 12 points, so less settled: treat a signal against them with care.',
		method: 'spc'
	},
	{
		id: 'jaccard',
		term: 'Jaccard index',
		pattern: /\bJaccard\b/,
		meaning:
			'How often two indicators occur together: referrals with both, divided by referrals with either. 0 means never together, 1 means always together.'
	},
	{
		id: 'publication-mode',
		term: 'Publication mode',
		pattern: /\bpublication mode\b/i,
		meaning:
			'Every count is moved by a small, consistent amount and the smallest are withheld, so that no child can be recognised by comparing tables; totals are moved on their own, so parts may not add up exactly.',
		method: 'disclosure-control'
	},
	{
		id: 'withheld',
		term: 'c (withheld)',
		pattern: /\b(suppress(?:ed|ion)|withheld)\b/i,
		meaning:
			'A number hidden in publication mode because it is small enough that someone could recognise a child. "c" only ever means withheld; "–" means there is no figure to show.',
		method: 'disclosure-control'
	}
];

/** The Methods page anchor of a glossary entry. */
export const glossaryAnchor = (entry: GlossaryEntry): string => `glossary-${entry.id}`;

/** The glossary entries a text uses, in glossary order. */
export function termsIn(...texts: readonly (string | undefined)[]): GlossaryEntry[] {
	const text = texts.filter(Boolean).join('\n');
	return glossary.filter((entry) => entry.pattern.test(text));
}
