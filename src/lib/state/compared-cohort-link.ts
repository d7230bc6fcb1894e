import { cambridgeshireAndPeterborough, type AreaReference } from '$lib/contract';
import { comparedCohortSchema, type ComparedCohort } from '$lib/domain/compared-cohort';
import { filtersFromParams, filtersToParams } from './filter-params';

/**
 * The compared cohort's URL parameters: `compare` holds its name, and each of its filters is written as the
 * filter bar writes it with `compare-` in front (`compare-gender=female&compare-age-from=14`), so the link
 * stays readable and the two filter sets never mix.
 */
export const compareParam = 'compare';
const prefix = `${compareParam}-`;

/** True for a parameter that belongs to the compared cohort (its name or one of its filters). */
export const isComparedParam = (name: string) => name === compareParam || name.startsWith(prefix);

/** The compared cohort's parameters of `params` alone, as a query string without "?" ("" when none). */
export const comparedSearch = (params: URLSearchParams): string =>
	new URLSearchParams([...params].filter(([name]) => isComparedParam(name)))
		.toString()
		.replaceAll('%2C', ',');

/**
 * `params` with the compared cohort written in place of any already there; `undefined` removes it. The
 * filter bar's own parameters are left as they are.
 */
export function withCompared(
	params: URLSearchParams,
	compared: ComparedCohort | undefined,
	areas: AreaReference = cambridgeshireAndPeterborough
): URLSearchParams {
	const next = new URLSearchParams([...params].filter(([name]) => !isComparedParam(name)));
	if (compared === undefined) return next;
	next.set(compareParam, compared.name);
	for (const [name, value] of filtersToParams(compared.filters, areas)) next.set(`${prefix}${name}`, value);
	return next;
}

/**
 * The compared cohort an address names, else undefined. Its filters are read as the filter bar's are (an
 * unknown value is dropped on its own); without a name there is no comparison, and a name alone compares
 * with every referral.
 */
export function comparedFromParams(
	params: URLSearchParams,
	areas: AreaReference = cambridgeshireAndPeterborough
): ComparedCohort | undefined {
	const name = params.get(compareParam)?.trim().slice(0, 120);
	if (!name) return undefined;
	const own = new URLSearchParams(
		[...params]
			.filter(([key]) => key.startsWith(prefix))
			.map(([key, value]) => [key.slice(prefix.length), value])
	);
	const parsed = comparedCohortSchema.safeParse({ name, filters: filtersFromParams(own, areas) });
	return parsed.success ? parsed.data : undefined;
}
