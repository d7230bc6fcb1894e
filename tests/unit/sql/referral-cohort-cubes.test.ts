import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { districts, ethnicities } from '$lib/contract';
import type { Filters } from '$lib/domain/filters';
import { childrenIn, referralChildCounting, referralCohortChildCubes } from '$lib/sql/child-cubes';
import {
	referralAgeCube,
	referralCohortCounting,
	referralCohortCube,
	referralCounts,
	referralCube,
	rowCounts
} from '$lib/sql/cubes';
import { referralFacts } from '$lib/sql/derived';
import { keyedAs } from '$lib/sql/keyed-count';
import { referralsByAgeAndGender } from '$lib/sql/metrics/children/age-gender';
import { ageProfileByYear } from '$lib/sql/metrics/children/age-profile';
import { lookedAfterByQuarter } from '$lib/sql/metrics/children/looked-after';
import { referralWindowCounts } from '$lib/sql/metrics/overview/window-counts';
import { childSeries } from '$lib/sql/metrics/trends/child-series';
import { interventionByAgeBand } from '$lib/sql/metrics/pathway/intervention-mix';
import { pathwayFunnel } from '$lib/sql/metrics/pathway/pathway-funnel';
import { nrmReferrals } from '$lib/sql/metrics/pathway/nrm-referrals';
import { referralSeries } from '$lib/sql/metrics/trends/referral-series';
import { referralHeadline } from '$lib/sql/metrics/headline';
import { rereferralAfterIntervention } from '$lib/sql/metrics/pathway/rereferral-after-intervention';
import { sql, Sql } from '$lib/sql/sql';
import { cohortFilterFields, filterSet, monthStart, onFacts } from '../../helpers/filter-arbitraries';
import { demoEngine } from '../../helpers/page';
import { engineForFile } from '../../helpers/file-engine';

/**
 * The cohort filters on the Overview, Trends and Children without the referral facts (issue 14): the cohort
 * cube and the cohort child cubes keep the single year of age, intervention and furthest stage, so an age
 * range, an intervention or a stage, alone or together, is answered from them. On random filters of those
 * kinds (with the base ones, whole-month periods, and now and then a filter only the facts answer), every
 * metric that reads them gives the rows the facts give, cell keys included.
 */
const engine = engineForFile(demoEngine);

const cohorts: fc.Arbitrary<Filters> = filterSet(
	fc.record({ from: fc.option(monthStart, { nil: undefined }), ...cohortFilterFields })
);

const window = (grain: 'month' | 'quarter') => ({
	grain,
	first: '2021-01-01',
	last: '2026-12-31',
	areas: districts.codes
});
const quarters = [
	{ name: 'current', from: '2024-04-01', to: '2024-06-30' },
	{ name: 'previous', from: '2024-01-01', to: '2024-03-31' },
	{ name: 'year_ago', from: '2023-04-01', to: '2023-06-30' }
];
/**
 * The same filters sent to the facts. The window counts leave the period out, so for them every ethnic group
 * is chosen instead: it keeps every row of the demo (none is blank) but no cube has ethnicity.
 */
const viaFacts = (chosen: Filters): Filters => ({ ...onFacts(chosen), ethnicities: [...ethnicities.codes] });

const metrics: [string, (chosen: Filters) => Sql][] = [
	['referrals by month', (chosen) => referralSeries(chosen, window('month')).query],
	['referrals by quarter', (chosen) => referralSeries(chosen, window('quarter')).query],
	['children by month', (chosen) => childSeries(chosen, window('month')).query],
	['children by quarter', (chosen) => childSeries(chosen, window('quarter')).query],
	['the Overview window counts', (chosen) => referralWindowCounts(chosen, quarters, districts.codes)],
	['the looked-after share by quarter', lookedAfterByQuarter],
	['referrals by age and gender', referralsByAgeAndGender],
	['the age profile', (chosen) => ageProfileByYear(chosen)],
	['the pathway funnel', (chosen) => pathwayFunnel(chosen)],
	['the pathway funnel by district', (chosen) => pathwayFunnel(chosen, 'district')],
	['the pathway funnel by quarter', (chosen) => pathwayFunnel(chosen, 'quarter')],
	['intervention by age band', interventionByAgeBand],
	['NRM referrals', (chosen) => nrmReferrals(chosen, { byQuarter: false })],
	['NRM referrals by quarter', (chosen) => nrmReferrals(chosen, { byQuarter: true })]
];

const perChildMetrics: [string, (chosen: Filters) => Sql][] = [
	['the referral headline', referralHeadline],
	['re-referral after an intervention', rereferralAfterIntervention]
];

describe('the referral cohort cubes', () => {
	it.each(metrics)('give %s as the facts do, on random cohort filters', async (_, metric) => {
		let answeredByCohortCubes = 0;
		await fc.assert(
			fc.asyncProperty(cohorts, async (chosen) => {
				const query = metric(chosen);
				if (query.text.includes('referral_cohort_')) answeredByCohortCubes++;
				const facts = metric(viaFacts(chosen));
				expect(facts.text).toContain(referralFacts.text);
				expect(facts.text).not.toContain('referral_cohort_');
				// A series leaves its order to the reshape that pads it: compared as sets of rows.
				const rows = async (text: Sql) => (await engine.query(text)).map((row) => JSON.stringify(row)).sort();
				expect(await rows(query)).toEqual(await rows(facts));
			}),
			{ numRuns: 30, seed: 1424 }
		);
		// The property is about the cohort cubes: many of the random filters must have been answered there (a quarter cube only whole quarters).
		expect(answeredByCohortCubes).toBeGreaterThan(10);
	});

	/**
	 * The per-child tables (each child's first cell, their index referral) keep the single year of age,
	 * intervention and stage too, so the Pathway and Cohorts headlines and re-referral answer the cohort
	 * filters without the facts.
	 */
	it.each(perChildMetrics)('give %s as the facts do, on random cohort filters', async (_, metric) => {
		let answeredWithoutFacts = 0;
		await fc.assert(
			fc.asyncProperty(cohorts, async (chosen) => {
				const query = metric(chosen);
				if (!query.text.includes(referralFacts.text)) answeredWithoutFacts++;
				const facts = metric(viaFacts(chosen));
				expect(facts.text).toContain(referralFacts.text);
				expect(await engine.query(query)).toEqual(await engine.query(facts));
			}),
			{ numRuns: 40, seed: 1425 }
		);
		expect(answeredWithoutFacts).toBeGreaterThan(15);
	});

	it.each(Object.values(referralCohortChildCubes).map((cube) => [cube.table.text, cube] as const))(
		'%s gives the children per period, district and cohort cell as a plain distinct count does',
		async (_, cube) => {
			const period = new Sql(cube.grain === 'month' ? 'month' : "date_trunc('quarter', month)");
			const byCell = (from: Sql, children: Sql) =>
				sql`SELECT CAST(${period} AS VARCHAR) AS period, CAST(district AS VARCHAR) AS district,
					CAST(intervention AS VARCHAR) AS intervention, CAST(pathway_stage AS VARCHAR) AS stage, ${children}
				FROM ${from} GROUP BY GROUPING SETS ((1, 2, 3, 4), (1, 3), (1)) ORDER BY ALL`;
			const fromCube = await engine.query(
				byCell(cube.table, keyedAs('children', childrenIn(cube, {}).children))
			);
			const fromFacts = await engine.query(
				byCell(
					cube.facts,
					sql`count(DISTINCT child_key) AS children, CAST(sum(DISTINCT child_cell_hash) % 256 AS INTEGER) AS "children:key"`
				)
			);
			expect(fromCube).toEqual(fromFacts);
			// Both halves are counted: children alone in their cell, and children in several cells of a period.
			const [row] = await engine.query<{ pure: number; others: number }>(
				sql`SELECT count(*) FILTER (WHERE pure) AS pure, count(*) FILTER (WHERE NOT pure) AS others FROM ${cube.table}`
			);
			expect(row!.pure).toBeGreaterThan(0);
			expect(row!.others).toBeGreaterThan(0);
		}
	);

	it('answer an age range, an intervention and a stage together without the facts', () => {
		const cohort: Filters = {
			ageFrom: 13,
			ageTo: 16,
			interventions: ['deter'],
			stages: ['central_list', 'not_recorded'],
			districts: ['fenland']
		};
		for (const [name, metric] of metrics) {
			expect(metric(cohort).text, name).toContain('referral_cohort_');
			expect(metric(cohort).text, name).not.toContain(referralFacts.text);
		}
		for (const [name, metric] of perChildMetrics)
			expect(metric(cohort).text, name).not.toContain(referralFacts.text);
	});

	it('are read only where the smaller cubes cannot answer', () => {
		// A district click stays on the referral cube, the age cube and the base child cubes.
		expect(referralCounts({ districts: ['fenland'] }, [], referralCohortCounting).from).toEqual(
			referralCube.table
		);
		expect(rowCounts([referralAgeCube, referralCohortCube], { ageFrom: 13 }).from).toEqual(
			referralAgeCube.table
		);
		expect(childrenIn(referralChildCounting('month'), { districts: ['fenland'] }).from.text).toBe(
			'"referral_children_month"'
		);
		expect(rowCounts([referralAgeCube, referralCohortCube], { stages: ['central_list'] }).from).toEqual(
			referralCohortCube.table
		);
		// The cohort cube holds no indicator measure: asking it for one is an error, not a wrong count.
		expect(() =>
			referralCounts({ interventions: ['deter'] }, [], referralCohortCounting).present('ind_drugs')
		).toThrow(/no measure present_ind_drugs/);
		expect(
			referralCounts({ interventions: ['deter'] }, [], referralCohortCounting).referrals().count.text
		).toContain('"rows"');
	});
});
