import { ageBands, indicatorColumns, type AgeBand, type IndicatorColumn } from '$lib/contract';
import { formatPercent } from '$lib/format/number';
import type { AgeGenderPrevalence } from '$lib/sql/metrics/indicators/prevalence-by-age-gender';
import { compareProportions } from '$lib/stats';
import type { Published } from '$lib/publication/withheld';
import { indicatorLabels, quoted } from './indicator-prevalence';
import { hidden, publishShareRows, shareOf } from './share';

/** The genders shown side by side; other recorded genders are too few for a panel. */
export const genderPanels = [
	{ gender: 'male', label: 'Boys' },
	{ gender: 'female', label: 'Girls' }
] as const;

/** Prevalence from fewer assessed referrals than this is unreliable: marked u, and never named as the highest. */
export const MIN_RELIABLE_ASSESSED = 20;

export interface AgeGenderCell {
	ageBand: AgeBand;
	ageLabel: string;
	gender: 'male' | 'female';
	genderLabel: string;
	/** Column key of the two-way table for disclosure control: gender and age band. */
	group: string;
	indicator: IndicatorColumn;
	label: string;
	short: string;
	present: number | null;
	assessed: number | null;
	share: number | null;
	lower: number | null;
	upper: number | null;
}

export interface GenderDifference {
	indicator: IndicatorColumn;
	short: string;
	girls: number;
	boys: number;
	verdict: 'girls higher' | 'boys higher';
}

export interface AgeGenderView {
	/** Age bands that have referrals, for the columns. */
	bands: AgeBand[];
	cells: Published<AgeGenderCell>[];
	differences: GenderDifference[];
	title: string;
	summary: string;
}

/**
 * Prevalence of each indicator by age band for boys and girls. Girls and boys are compared indicator by
 * indicator over all ages with Newcombe's interval for the difference (`compareProportions`); the title
 * names the significant differences.
 */
export function indicatorAgeGenderView(
	rows: readonly AgeGenderPrevalence[],
	{ publication }: { publication: boolean }
): AgeGenderView {
	const shownRows = rows.filter((row) => row.gender === 'male' || row.gender === 'female');
	const bands = ageBands.codes.filter((band) => shownRows.some((row) => row.age_band === band));
	const filled = indicatorColumns.flatMap((indicator) =>
		genderPanels.flatMap(({ gender, label }) =>
			bands.map((ageBand) => {
				const row = shownRows.find(
					(candidate) =>
						candidate.indicator === indicator && candidate.gender === gender && candidate.age_band === ageBand
				);
				return {
					ageBand,
					ageLabel: ageBands.label(ageBand),
					gender,
					genderLabel: label,
					group: `${gender} ${ageBand}`,
					indicator,
					present: row?.present ?? 0,
					assessed: row?.assessed ?? 0
				};
			})
		)
	);
	const published = publishShareRows(
		filled,
		{
			count: 'present',
			denominator: 'assessed',
			derived: ['share', 'lower', 'upper']
		},
		publication
	);
	const cells = published.map((row): Published<AgeGenderCell> => ({
		...row,
		...indicatorLabels(row.indicator),
		...shareOf(row.present, row.assessed)
	}));
	if (shownRows.length === 0) {
		return {
			bands,
			cells: [],
			differences: [],
			title: 'No referrals of boys or girls match the current filters',
			summary: 'No referrals of boys or girls match the current filters.'
		};
	}
	const differences: GenderDifference[] = [];
	for (const indicator of indicatorColumns) {
		const sum = (gender: string, key: 'present' | 'assessed') =>
			shownRows
				.filter((row) => row.indicator === indicator && row.gender === gender)
				.reduce((total, row) => total + row[key], 0);
		const girls = { numerator: sum('female', 'present'), denominator: sum('female', 'assessed') };
		const boys = { numerator: sum('male', 'present'), denominator: sum('male', 'assessed') };
		if (
			hidden(girls.numerator, publication) ||
			hidden(boys.numerator, publication) ||
			hidden(girls.denominator, publication) ||
			hidden(boys.denominator, publication)
		)
			continue;
		const comparison = compareProportions(girls, boys);
		if (comparison.verdict === 'significantly higher' || comparison.verdict === 'significantly lower') {
			differences.push({
				indicator,
				short: indicatorLabels(indicator).short,
				girls: comparison.current!,
				boys: comparison.previous!,
				verdict: comparison.verdict === 'significantly higher' ? 'girls higher' : 'boys higher'
			});
		}
	}
	const names = (verdict: GenderDifference['verdict']) =>
		differences
			.filter((difference) => difference.verdict === verdict)
			.map((difference) => quoted(difference.short));
	const join = (items: string[]) =>
		items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
	const girlsHigher = names('girls higher');
	const boysHigher = names('boys higher');
	const title =
		girlsHigher.length + boysHigher.length === 0
			? 'No indicator differs significantly between boys and girls'
			: [
					girlsHigher.length > 0 ? `Girls more often have ${join(girlsHigher)}` : undefined,
					boysHigher.length > 0
						? `${girlsHigher.length > 0 ? 'boys' : 'Boys'} more often have ${join(boysHigher)}`
						: undefined
				]
					.filter(Boolean)
					.join('; ');
	const eligible = cells.filter(
		(cell) => cell.share !== null && cell.assessed !== null && cell.assessed >= MIN_RELIABLE_ASSESSED
	);
	const highest = eligible.reduce<AgeGenderCell | undefined>(
		(best, cell) => (best === undefined || cell.share! > best.share! ? cell : best),
		undefined
	);
	const detail = differences
		.map(
			(difference) =>
				`${quoted(difference.short)} ${formatPercent(difference.girls)} of girls against ${formatPercent(difference.boys)} of boys`
		)
		.join('; ');
	const summary =
		(differences.length > 0
			? `Significant differences between girls and boys over all ages (Newcombe 95% interval): ${detail}.`
			: 'No indicator’s prevalence differs significantly between girls and boys over all ages (Newcombe 95% interval).') +
		(highest
			? ` The highest prevalence in a group of at least ${MIN_RELIABLE_ASSESSED} assessed referrals is ${quoted(highest.short)} among ${highest.genderLabel.toLowerCase()} aged ${highest.ageLabel.toLowerCase()} (${formatPercent(highest.share!)}).`
			: '');
	return { bands, cells, differences, title, summary };
}
