import {
	ageBands,
	cambridgeshireAndPeterborough,
	ethnicities,
	genders,
	indicators,
	referralSources,
	riskLevels,
	type AreaReference,
	type Enumeration
} from '$lib/contract';
import { formatDay } from '$lib/format/date';
import {
	ignoredByEpisodes,
	interventionChoices,
	stageChoices,
	type FilterKey,
	type Filters,
	type IndicatorCondition,
	type IndicatorFilter
} from '$lib/domain/filters';
import { listNames } from './list-names';

const lists: [FilterKey, string, Enumeration][] = [
	['ageBands', 'Ages', ageBands],
	['genders', 'Gender', genders],
	['ethnicities', 'Ethnicity', ethnicities],
	['riskLevels', 'Risk level', riskLevels],
	['sources', 'Referral source', referralSources],
	['interventions', 'Intervention', interventionChoices],
	['stages', 'Furthest stage', stageChoices]
];

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** One chosen indicator in words: "drug use", "drug use assessed as not present", "drug use not assessed". */
function conditionWords(short: string, condition: IndicatorCondition): string {
	const name = lowerFirst(short);
	if (condition === 'present') return name;
	return condition === 'absent' ? `${name} assessed as not present` : `${name} not assessed`;
}

/** "with drug use and concerning adults", "with drug use or missing", "with at least 2 of …". */
export function describeIndicators(filter: IndicatorFilter): string | undefined {
	const terms = indicators.flatMap((indicator) => {
		const condition = filter.conditions[indicator.column];
		return condition === undefined ? [] : [conditionWords(indicator.short, condition)];
	});
	if (terms.length === 0) return undefined;
	if (filter.match === 'any' && terms.length > 1)
		return `with ${terms.slice(0, -1).join(', ')} or ${terms.at(-1)}`;
	if (filter.match === 'at_least') return `with at least ${filter.atLeast ?? 1} of ${listNames(terms)}`;
	return `with ${listNames(terms)}`;
}

/** "aged 14 to 17", "aged 14 and over", "aged 17 and under", "aged 15". */
export function describeAges(from: number | undefined, to: number | undefined): string | undefined {
	if (from !== undefined && to !== undefined) return from === to ? `aged ${from}` : `aged ${from} to ${to}`;
	if (from !== undefined) return `aged ${from} and over`;
	if (to !== undefined) return `aged ${to} and under`;
	return undefined;
}

/**
 * The filters in words, for screen readers, chart captions and every export ("All referrals" when none).
 * District names come from the loaded area reference.
 */
export function describeFilters(
	filters: Filters,
	areas: AreaReference = cambridgeshireAndPeterborough
): string {
	const parts: string[] = [];
	if (filters.from !== undefined || filters.to !== undefined) {
		const from = filters.from !== undefined ? formatDay(filters.from) : 'the first referral';
		const to = filters.to !== undefined ? formatDay(filters.to) : 'the last referral';
		parts.push(`${from} to ${to}`);
	}
	const ages = describeAges(filters.ageFrom, filters.ageTo);
	if (ages !== undefined) parts.push(upperFirst(ages));
	for (const [key, name, enumeration] of [['districts', 'Districts', areas.enumeration] as const, ...lists]) {
		const values = filters[key] as readonly string[] | undefined;
		if (values !== undefined)
			parts.push(
				`${name}: ${values.length ? values.map((code) => enumeration.label(code)).join(', ') : 'none'}`
			);
	}
	if (filters.lookedAfter !== undefined)
		parts.push(filters.lookedAfter ? 'Looked-after children only' : 'Not looked after');
	const withIndicators = filters.indicators && describeIndicators(filters.indicators);
	if (withIndicators !== undefined) parts.push(upperFirst(withIndicators));
	if (filters.repeat !== undefined)
		parts.push(filters.repeat ? 'Repeat referrals only' : 'Not repeat referrals');
	if (filters.nrm !== undefined) parts.push(filters.nrm ? 'Referred to the NRM' : 'Not referred to the NRM');
	return parts.length > 0 ? parts.join('; ') : 'All referrals, whole period';
}

/**
 * The note a page puts beside missing-episode figures when a filter they cannot apply is active (the list of
 * such filters is `referralOnlyFilters` in domain/filters.ts), or undefined when every active filter applies.
 */
export function episodeFiltersNote(filters: Filters): string | undefined {
	return ignoredByEpisodes(filters).length > 0
		? 'Missing episodes are filtered by period, district, age and looked-after status only.'
		: undefined;
}
