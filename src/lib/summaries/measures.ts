import { formatCount, formatDecimal, formatPercent } from '$lib/format/number';

/** A monthly or quarterly measure the overview and trends pages chart and describe. */
export interface Measure {
	key:
		| 'referrals'
		| 'children'
		| 'repeat_referrals'
		| 'repeat_share'
		| 'episodes'
		| 'under_15_share'
		| 'looked_after_share';
	/** Heading: "Referrals". */
	label: string;
	/** Sentence subject before the area: "Referrals", "The share of referrals for children under 15". */
	noun: string;
	/** Verb agreement for `noun`. */
	plural: boolean;
	kind: 'count' | 'share';
}

export const measures = {
	referrals: { key: 'referrals', label: 'Referrals', noun: 'Referrals', plural: true, kind: 'count' },
	children: {
		key: 'children',
		label: 'Children referred',
		noun: 'Children referred',
		plural: true,
		kind: 'count'
	},
	repeat_referrals: {
		key: 'repeat_referrals',
		label: 'Repeat referrals',
		noun: 'Repeat referrals',
		plural: true,
		kind: 'count'
	},
	repeat_share: {
		key: 'repeat_share',
		label: 'Repeat referrals',
		noun: 'The share of referrals that were repeat referrals',
		plural: false,
		kind: 'share'
	},
	episodes: {
		key: 'episodes',
		label: 'Missing episodes',
		noun: 'Missing episodes',
		plural: true,
		kind: 'count'
	},
	under_15_share: {
		key: 'under_15_share',
		label: 'Referrals of children under 15',
		noun: 'The share of referrals for children under 15',
		plural: false,
		kind: 'share'
	},
	looked_after_share: {
		key: 'looked_after_share',
		label: 'Looked after',
		noun: 'The share of referrals for looked-after children',
		plural: false,
		kind: 'share'
	}
} as const satisfies Record<string, Measure>;

/** "in Fenland", "overall", "across the selected districts". */
export function areaPhrase(area: string, label: string, allSelected: boolean): string {
	if (area !== 'all') return `in ${label}`;
	return allSelected ? 'overall' : 'across the selected districts';
}

/** A value of a measure in words: counts as whole numbers, shares as percentages. */
export function formatValue(measure: Measure, value: number): string {
	return measure.kind === 'share' ? formatPercent(value) : formatCount(value);
}

/** A mean or limit: counts to one decimal place, shares as percentages. */
export function formatLevel(measure: Measure, value: number): string {
	return measure.kind === 'share' ? formatPercent(value) : formatDecimal(value);
}
