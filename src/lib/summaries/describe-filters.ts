import {
	ageBands,
	districts,
	ethnicities,
	genders,
	referralSources,
	riskLevels,
	type Enumeration
} from '$lib/contract';
import { formatDay } from '$lib/format/date';
import type { Filters } from '$lib/domain/filters';

const lists: [keyof Filters, string, Enumeration][] = [
	['districts', 'Districts', districts],
	['ageBands', 'Ages', ageBands],
	['genders', 'Gender', genders],
	['ethnicities', 'Ethnicity', ethnicities],
	['riskLevels', 'Risk level', riskLevels],
	['sources', 'Referral source', referralSources]
];

/** The filters in words, for screen readers, chart captions and every export ("All referrals" when none). */
export function describeFilters(filters: Filters): string {
	const parts: string[] = [];
	if (filters.from !== undefined || filters.to !== undefined) {
		const from = filters.from !== undefined ? formatDay(filters.from) : 'the first referral';
		const to = filters.to !== undefined ? formatDay(filters.to) : 'the last referral';
		parts.push(`${from} to ${to}`);
	}
	for (const [key, name, enumeration] of lists) {
		const values = filters[key] as readonly string[] | undefined;
		if (values !== undefined)
			parts.push(
				`${name}: ${values.length ? values.map((code) => enumeration.label(code)).join(', ') : 'none'}`
			);
	}
	if (filters.lookedAfter !== undefined)
		parts.push(filters.lookedAfter ? 'Looked-after children only' : 'Not looked after');
	return parts.length > 0 ? parts.join('; ') : 'All referrals, whole period';
}
