import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ethnicities, referralSources } from '$lib/contract';
import type { FilterKey, Filters } from '$lib/domain/filters';
import {
	cubeAnswers,
	ethnicityCohortCube,
	indicatorCountCohortCube,
	referralSourceCohortCube,
	type Cube
} from '$lib/sql/cubes';
import { referralFacts } from '$lib/sql/derived';
import { referralsByEthnicity } from '$lib/sql/metrics/children/ethnicity';
import { referralsBySource } from '$lib/sql/metrics/children/referral-source';
import { interventionByIndicatorCount } from '$lib/sql/metrics/pathway/intervention-mix';
import type { Sql } from '$lib/sql/sql';
import { cohortFilterFields, filterSet, monthStart, onFacts, rarely } from '../../helpers/filter-arbitraries';
import { demoEngine } from '../../helpers/page';
import { engineForFile } from '../../helpers/file-engine';

/**
 * The Children page's ethnicity and referral source charts, and Pathway's intervention by indicator count,
 * under the cohort filters (issue 14): their month-less
 * cohort cubes keep the single year of age, intervention and stage, so with no period set an age range, an
 * intervention or a stage (with the base filters, and the chart's own left out) is answered without the
 * facts. On random filters of those kinds, now and then with a period or a filter only the facts answer, both
 * charts give the rows the facts give, cell keys included.
 */
const engine = engineForFile(demoEngine);

const cohorts: fc.Arbitrary<Filters> = filterSet(
	fc.record({
		// A period sends them to the month cubes or the facts: now and then.
		from: rarely(monthStart),
		...cohortFilterFields,
		// The chart's own filter is left out by the chart; the other one is on no cohort cube of its.
		ethnicities: rarely(fc.subarray([...ethnicities.codes], { minLength: 1 })),
		sources: rarely(fc.subarray([...referralSources.codes], { minLength: 1 }))
	})
);

/** Each chart, its cohort cube and the filters the chart leaves out (its own). */
const charts: [string, (chosen: Filters) => Sql, Cube, FilterKey[]][] = [
	['referrals by ethnicity', referralsByEthnicity, ethnicityCohortCube, ['ethnicities']],
	['referrals by source', referralsBySource, referralSourceCohortCube, ['sources']],
	['intervention by indicator count', interventionByIndicatorCount, indicatorCountCohortCube, []]
];

describe('the cohort chart cubes', () => {
	it.each(charts)('give %s as the facts do, on random cohort filters', async (_, chart, cube, own) => {
		let answeredByCube = 0;
		await fc.assert(
			fc.asyncProperty(cohorts, async (chosen) => {
				const query = chart(chosen);
				if (query.text.includes(cube.table.text)) answeredByCube++;
				const facts = chart(onFacts(chosen));
				expect(facts.text).toContain(referralFacts.text);
				expect(facts.text).not.toContain(cube.table.text);
				expect(await engine.query(query)).toEqual(await engine.query(facts));
			}),
			{ numRuns: 40, seed: 1427 }
		);
		// The property is about the cohort cube: many of the random filters must have been answered there.
		expect(answeredByCube).toBeGreaterThan(10);
		expect(cubeAnswers(cube, { ageFrom: 13, interventions: ['deter'], stages: ['central_list'] }, own)).toBe(
			true
		);
	});

	it.each(charts)(
		'answer %s under the cohort filters without the facts, and a period from the month cube',
		(_, chart, cube) => {
			const cohort: Filters = {
				ageFrom: 13,
				ageTo: 16,
				interventions: ['deter'],
				stages: ['central_list', 'not_recorded'],
				districts: ['fenland'],
				genders: ['female']
			};
			expect(chart(cohort).text).toContain(cube.table.text);
			expect(chart(cohort).text).not.toContain(referralFacts.text);
			// The cube has no month: a period is answered by the month cube when it can, else by the facts.
			expect(chart({ districts: ['fenland'], from: '2024-01-01' }).text).not.toContain(cube.table.text);
			expect(chart({ districts: ['fenland'], from: '2024-01-01' }).text).not.toContain(referralFacts.text);
			expect(chart({ ageFrom: 13, from: '2024-01-01' }).text).toContain(referralFacts.text);
		}
	);
});
