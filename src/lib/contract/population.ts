import { integerField, tableContract, textField, enumField, type RowOf } from './field';
import { enumeration, type Enumeration } from './enumeration';
import { districts } from './vocabulary';

/** Age bands of the population reference; 0–9 and 10–17 sum to the 0–17 child population. */
export const populationAgeBands = enumeration([
	{ code: '0-9', label: 'Aged 0 to 9' },
	{ code: '10-17', label: 'Aged 10 to 17' }
]);

/** The first and last year of age of each band a population row may give (0-17: a simple areas file's). */
export const populationBandAges: Readonly<Record<string, readonly [number, number]>> = {
	'0-9': [0, 9],
	'10-17': [10, 17],
	'0-17': [0, 17]
};

/** The sexes a population row may be for; a blank sex is both sexes together (persons). */
export const populationSexes = ['male', 'female'] as const;
export type PopulationSex = (typeof populationSexes)[number];

const populationFields = [
	enumField('district', {
		label: 'District',
		description: "District (the area reference's code).",
		required: true,
		// The areas are runtime data (areas.ts): the bundled districts type the column until another loads.
		values: districts as Enumeration<string>,
		aliases: []
	}),
	integerField('year', {
		label: 'Year',
		description: 'Mid-year of the estimate (30 June).',
		required: true,
		min: 2000,
		max: 2100,
		aliases: []
	}),
	// Text, not an ENUM: the analysis age bands (age-bands.ts) already own the DuckDB type age_band_t.
	textField('age_band', {
		label: 'Age band',
		description: `Age band of the estimate: ${populationAgeBands.codes.join(' or ')} (or 0-17, the one figure of a simple areas file).`,
		required: true,
		maxLength: 5,
		aliases: []
	}),
	textField('sex', {
		label: 'Sex',
		description: `Sex of the estimate: ${populationSexes.join(' or ')}; blank for both sexes together.`,
		required: false,
		maxLength: 6,
		aliases: []
	}),
	integerField('age', {
		label: 'Age',
		description: 'Single year of age of the estimate, within its age band; blank for the whole band.',
		required: false,
		min: 0,
		max: 17,
		aliases: []
	}),
	integerField('children', {
		label: 'Children',
		description: 'Estimated number of children resident.',
		required: true,
		min: 0,
		max: 10_000_000,
		aliases: []
	}),
	textField('source', {
		label: 'Source',
		description: 'Where the estimate comes from; illustrative estimates say so.',
		required: true,
		maxLength: 500,
		aliases: []
	})
] as const;

/**
 * Child population by district, year and age band, optionally by sex and single year of age: the
 * denominators of rates per 10,000 children. The rows of one district, year and band are a partition of
 * its children: one row for the band, or rows by sex, by single year, or by both, never overlapping, so a
 * band's children are always the sum of its rows whatever detail is given.
 */
export const population = tableContract({
	name: 'population',
	label: 'Child population',
	description:
		'Reference data: children by district, mid-year and age band, by sex and single year of age where given (data/reference/district-population.csv).',
	fields: populationFields
});
export type PopulationRow = RowOf<typeof populationFields>;

/**
 * One population row as the contract's schema reads it, with what the column types cannot say: the band is
 * one the reference knows, the sex is male or female (or blank), and a single year lies within its band.
 */
export const populationRowSchema = population.schema.superRefine((row, context) => {
	const ages = populationBandAges[row.age_band];
	if (!ages) {
		context.addIssue({ code: 'custom', path: ['age_band'], message: `Unknown age band ${row.age_band}` });
		return;
	}
	if (row.sex !== null && !(populationSexes as readonly string[]).includes(row.sex))
		context.addIssue({ code: 'custom', path: ['sex'], message: `Sex is ${populationSexes.join(' or ')}` });
	if (row.age !== null && (row.age < ages[0] || row.age > ages[1]))
		context.addIssue({ code: 'custom', path: ['age'], message: `Age ${row.age} is outside ${row.age_band}` });
});

/**
 * The first overlap in a set of population rows, as a sentence, else undefined: two rows of one district,
 * year and band that count some children twice (a band row beside its single years, a persons row beside
 * rows by sex, the same year or sex twice), which would double a denominator.
 */
export function populationOverlap(rows: readonly PopulationRow[]): string | undefined {
	const groups = new Map<string, PopulationRow[]>();
	for (const row of rows) {
		const key = `${row.district}|${row.year}|${row.age_band}`;
		groups.set(key, [...(groups.get(key) ?? []), row]);
	}
	for (const [key, group] of groups) {
		const seen = new Set<string>();
		for (const row of group) {
			const cell = `${row.sex ?? '*'}|${row.age ?? '*'}`;
			const clash = [...seen].some((other) => {
				const [sexA, ageA] = other.split('|');
				const [sexB, ageB] = cell.split('|');
				return (
					(sexA === '*' || sexB === '*' || sexA === sexB) && (ageA === '*' || ageB === '*' || ageA === ageB)
				);
			});
			if (clash) return `The population rows of ${key.replaceAll('|', ', ')} count some children twice.`;
			seen.add(cell);
		}
	}
	return undefined;
}
