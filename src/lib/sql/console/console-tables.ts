import { population, tables, type Field } from '$lib/contract';
import { episodeCube, referralCube } from '../cubes';

/** A column the console can read, described for the schema panel. */
export interface ConsoleColumn {
	name: string;
	/** The contract's kind (text, integer, date, boolean, enum) or the analysis column's. */
	kind: string;
	description: string;
}

/** A table the console can read. */
export interface ConsoleTable {
	name: string;
	description: string;
	columns: readonly ConsoleColumn[];
}

const fromContract = (field: Field): ConsoleColumn => ({
	name: field.name,
	kind: field.kind === 'enum' ? `code: ${field.values.codes.join(', ')}` : field.kind,
	description: field.description
});

/** Columns `sql/derived.ts` adds to both facts tables. */
const commonAnalysis: ConsoleColumn[] = [
	{
		name: 'child_key',
		kind: 'integer',
		description: 'The child numbered 1…n across both tables (faster to count than child_id).'
	},
	{ name: 'month', kind: 'date', description: 'First day of the calendar month of the date.' },
	{
		name: 'age_band',
		kind: 'code',
		description: 'Analysis age band of the age (0-9, 10-12, 13-14, 15-16, 17, 18-24).'
	},
	...(['all', 'quarter', 'month'] as const).map((period) => ({
		name: `solo_${period}`,
		kind: 'boolean',
		description: `The child's only row ${period === 'all' ? 'in the data' : `in its calendar ${period}`} (distinct counts sum these).`
	}))
];
const referralAnalysis: ConsoleColumn[] = [
	...commonAnalysis,
	{
		name: 'present_mask',
		kind: 'integer',
		description: "Bit i set when the contract's i-th indicator is present at any level."
	},
	{
		name: 'assessed_mask',
		kind: 'integer',
		description: "Bit i set when the contract's i-th indicator was assessed."
	},
	{
		name: 'indicator_count',
		kind: 'integer',
		description: 'How many of the 12 indicators are present (0–12).'
	},
	{
		name: 'is_repeat',
		kind: 'boolean',
		description: "The child's previous referral was within the 12 months before."
	},
	{
		name: 'next_referral_date',
		kind: 'date',
		description: "The child's next referral on a later day, if any."
	},
	{
		name: 'index_order',
		kind: 'integer',
		description:
			"Place among the child's referrals with an intervention recorded (interventions first, then by date)."
	},
	{
		name: 'solo_index',
		kind: 'boolean',
		description: "The child's only referral with an intervention recorded."
	},
	{
		name: 'followed_up',
		kind: 'boolean',
		description: 'At least 12 months of loaded data follow the referral.'
	},
	{
		name: 're_referred',
		kind: 'boolean',
		description: 'The child was referred again within 12 months after this referral.'
	}
];
const episodeAnalysis: ConsoleColumn[] = [
	...commonAnalysis,
	{
		name: 'duration_days',
		kind: 'integer',
		description: 'Days from the start to the end of the episode (blank while open).'
	}
];

function cubeColumns(cube: typeof referralCube, facts: readonly ConsoleColumn[]): ConsoleColumn[] {
	const dimension = (name: string) => facts.find((column) => column.name === name)!;
	return [
		...cube.dimensions.map(dimension),
		...cube.measures.map((measure) => ({
			name: measure.name,
			kind: 'integer',
			description:
				measure.name === 'rows'
					? 'Rows in the cell.'
					: `Rows in the cell counted as ${measure.name.replaceAll('_', ' ')}.`
		}))
	];
}

const referralFields = tables.referrals.fields.map(fromContract);
const episodeFields = tables.missing_episodes.fields.map(fromContract);

/**
 * Every table the SQL console may read, with its columns described from the data contract (`contract/`) and
 * the facts and cubes built from it (`sql/derived.ts`, `sql/cubes.ts`). A plan that scans any other table
 * (staging tables, the child key map, the catalog) is refused (`engine/read-only-query.ts`).
 */
export const consoleTables: readonly ConsoleTable[] = [
	{ name: tables.referrals.name, description: tables.referrals.description, columns: referralFields },
	{
		name: tables.missing_episodes.name,
		description: tables.missing_episodes.description,
		columns: episodeFields
	},
	{
		name: 'referral_facts',
		description: 'Every referral with analysis columns: what the dashboard counts.',
		columns: [...referralFields, ...referralAnalysis]
	},
	{
		name: 'episode_facts',
		description: 'Every missing episode with analysis columns.',
		columns: [...episodeFields, ...episodeAnalysis]
	},
	{
		name: 'referral_cube',
		description: 'Referrals counted by month × district × age band × gender × looked after.',
		columns: cubeColumns(referralCube, [...referralFields, ...referralAnalysis])
	},
	{
		name: 'episode_cube',
		description: 'Missing episodes counted by month × district × age at start (and its band) × looked after.',
		columns: cubeColumns(episodeCube, [...episodeFields, ...episodeAnalysis])
	},
	{ name: population.name, description: population.description, columns: population.fields.map(fromContract) }
];
