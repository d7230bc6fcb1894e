import { integerField, tableContract, textField, enumField, type RowOf } from './field';
import { enumeration, type Enumeration } from './enumeration';
import { districts } from './vocabulary';

/** Age bands of the population reference; 0–9 and 10–17 sum to the 0–17 child population. */
export const populationAgeBands = enumeration([
	{ code: '0-9', label: 'Aged 0 to 9' },
	{ code: '10-17', label: 'Aged 10 to 17' }
]);

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

/** Child population by district, year and age band: the denominators of rates per 10,000 children. */
export const population = tableContract({
	name: 'population',
	label: 'Child population',
	description:
		'Reference data: children by district, mid-year and age band (data/reference/district-population.csv).',
	fields: populationFields
});
export type PopulationRow = RowOf<typeof populationFields>;
