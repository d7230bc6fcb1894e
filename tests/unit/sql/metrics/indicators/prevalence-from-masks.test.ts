import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	ageBands,
	districts,
	genders,
	indicatorColumns,
	interventionKinds,
	pathwayStages
} from '$lib/contract';
import type { Filters, FilterKey } from '$lib/domain/filters';
import { cubeAnswers, referralCube } from '$lib/sql/cubes';
import { referralFacts } from '$lib/sql/derived';
import { filterPredicate, referralColumns } from '$lib/sql/filters';
import { indicatorPrevalence } from '$lib/sql/metrics/indicators/prevalence';
import { indicatorPrevalenceByAgeAndGender } from '$lib/sql/metrics/indicators/prevalence-by-age-gender';
import { indicatorPrevalenceByDistrict } from '$lib/sql/metrics/indicators/prevalence-by-district';
import { indicatorPrevalenceByQuarter } from '$lib/sql/metrics/indicators/prevalence-by-quarter';
import { join, sql, Sql } from '$lib/sql/sql';
import { engineWith, referral } from '../../../../helpers/engine';
import { filterSet, indicatorConditions, rarely, some } from '../../../../helpers/filter-arbitraries';
import { demoEngine } from '../../../../helpers/page';
import { engineForFile } from '../../../../helpers/file-engine';

/**
 * Prevalence under filters the referral cube cannot answer (issue 14: the cohort filters) is counted from the
 * facts by indicator mask first (prevalence-from-masks.ts). Against a plain count over the facts, one row per
 * referral and indicator, on random cohort filters: every count and every key (publication mode's cell keys)
 * the same, in the same order. The cube against this path is in tests/unit/sql/precomputed.test.ts.
 */
const engine = engineForFile(demoEngine);

/** Filters of a cohort: each set has at least one the referral cube has no dimension for. */
const cohort: fc.Arbitrary<Filters> = filterSet(
	fc.record({
		districts: some(districts.codes),
		ageBands: rarely(fc.subarray([...ageBands.codes], { minLength: 1 })),
		genders: rarely(fc.subarray([...genders.codes], { minLength: 1 })),
		from: rarely(fc.constantFrom('2023-02-14', '2024-04-01')),
		ageFrom: rarely(fc.integer({ min: 10, max: 16 })),
		ageTo: rarely(fc.integer({ min: 14, max: 18 })),
		interventions: rarely(
			fc.subarray([...interventionKinds.codes, 'not_recorded' as const], { minLength: 1 })
		),
		stages: rarely(fc.subarray([...pathwayStages.codes, 'not_recorded' as const], { minLength: 1 })),
		repeat: rarely(fc.boolean()),
		indicators: fc.option(indicatorConditions(3), { nil: undefined })
	})
);

interface Shape {
	name: string;
	metric: (filters: Filters) => Sql;
	/** The groups, as text, and the filter the chart leaves out. */
	groups: Record<string, string>;
	except: FilterKey[];
}

const shapes: Shape[] = [
	{ name: 'prevalence', metric: indicatorPrevalence, groups: {}, except: [] },
	{
		name: 'prevalence by district',
		metric: indicatorPrevalenceByDistrict,
		groups: { district: 'CAST(district AS VARCHAR)' },
		except: ['districts']
	},
	{
		name: 'prevalence by age and gender',
		metric: indicatorPrevalenceByAgeAndGender,
		groups: { age_band: 'CAST(age_band AS VARCHAR)', gender: 'CAST(gender AS VARCHAR)' },
		except: ['ageBands']
	},
	{
		name: 'prevalence by quarter',
		metric: indicatorPrevalenceByQuarter,
		groups: { quarter: `CAST(CAST(date_trunc('quarter', month) AS DATE) AS VARCHAR)` },
		except: []
	}
];

type Row = Record<string, string | number | null>;

/**
 * The reference: every referral counted once per indicator (a cross join with the 12 bit positions), each
 * count and key summed over the referral's own row, no cube, no mask counts.
 */
async function reference(shape: Shape, filters: Filters): Promise<Row[]> {
	const groups = Object.entries(shape.groups).map(([name, text]) => new Sql(`${text} AS "${name}"`));
	const bit = sql`(present_mask >> i) & 1 = 1`;
	const assessed = sql`(assessed_mask >> i) & 1 = 1`;
	const rows = await engine.query<Row>(sql`SELECT ${join([...groups, sql`i`])},
	count(*) AS referrals, CAST(sum(record_key) % 256 AS INTEGER) AS referrals_key,
	count(*) FILTER (WHERE ${bit}) AS present,
	CAST(COALESCE(sum(record_key) FILTER (WHERE ${bit}), 0) % 256 AS INTEGER) AS present_key,
	count(*) FILTER (WHERE ${assessed}) AS assessed,
	CAST(COALESCE(sum(record_key) FILTER (WHERE ${assessed}), 0) % 256 AS INTEGER) AS assessed_key
FROM ${referralFacts} CROSS JOIN range(12) AS bits(i)
WHERE ${filterPredicate(filters, referralColumns, shape.except)}
GROUP BY ALL`);
	const names = Object.keys(shape.groups);
	// No referral matches: the ungrouped query still answers, with zeros.
	const filled: Row[] =
		rows.length === 0 && names.length === 0
			? indicatorColumns.map((_, i) => ({
					i,
					referrals: 0,
					referrals_key: 0,
					present: 0,
					present_key: 0,
					assessed: 0,
					assessed_key: 0
				}))
			: rows;
	const text = (row: Row) => names.map((name) => String(row[name])).join('\u0000');
	return filled
		.sort((a, b) => (text(a) < text(b) ? -1 : text(a) > text(b) ? 1 : Number(a.i) - Number(b.i)))
		.map((row) => ({
			...Object.fromEntries(names.map((name) => [name, row[name]!])),
			referrals: Number(row.referrals),
			'referrals:key': row.referrals_key!,
			indicator: indicatorColumns[Number(row.i)]!,
			present: Number(row.present),
			'present:key': row.present_key!,
			assessed: Number(row.assessed),
			'assessed:key': row.assessed_key!
		}));
}

describe('prevalence from the facts, counted by indicator mask', () => {
	it.each(shapes)('gives $name as a plain count over the facts, on random cohort filters', async (shape) => {
		let fromFacts = 0;
		await fc.assert(
			fc.asyncProperty(cohort, async (chosen) => {
				if (!cubeAnswers(referralCube, chosen, shape.except)) fromFacts++;
				const rows = await engine.query<Row>(shape.metric(chosen));
				expect(rows).toEqual(await reference(shape, chosen));
			}),
			{ numRuns: 25, seed: 1430 }
		);
		expect(fromFacts).toBeGreaterThan(15);
	});

	it('sums the indicator flags over the mask counts, not over every facts row', () => {
		const text = indicatorPrevalenceByDistrict({ interventions: ['deter'] }).text;
		expect(text).toContain(referralFacts.text);
		// The one-pass form multiplied each facts row's flag by its key: 24 such products per row.
		expect(text).not.toContain('& 1) * "record_key"');
		expect(text).toContain('GROUPING SETS');
	});

	it('counts each referral once per indicator, from both masks, in each group', async () => {
		// R1 and R2 share a present mask but not an assessed one; R3 is in another district, with other masks.
		const own = await engineWith({
			referrals: [
				referral({ referral_id: 'R1', child_id: 'C1', ind_drugs: 'high', ind_missing: 'none' }),
				referral({ referral_id: 'R2', child_id: 'C2', ind_drugs: 'low', ind_missing: 'not_assessed' }),
				referral({
					referral_id: 'R3',
					child_id: 'C3',
					district: 'peterborough',
					ind_drugs: 'none',
					ind_missing: 'none'
				})
			]
		});
		try {
			const rows = await own.query<Row>(
				sql`SELECT district, indicator, present, assessed, referrals FROM (${indicatorPrevalenceByDistrict({ repeat: false })}) WHERE indicator IN ('ind_drugs', 'ind_missing')`
			);
			expect(rows).toEqual([
				{ district: 'fenland', indicator: 'ind_missing', present: 0, assessed: 1, referrals: 2 },
				{ district: 'fenland', indicator: 'ind_drugs', present: 2, assessed: 2, referrals: 2 },
				{ district: 'peterborough', indicator: 'ind_missing', present: 0, assessed: 1, referrals: 1 },
				{ district: 'peterborough', indicator: 'ind_drugs', present: 0, assessed: 1, referrals: 1 }
			]);
		} finally {
			await own.close();
		}
	});
});
