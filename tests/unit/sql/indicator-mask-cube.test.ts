import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageBands, districts, genders, indicatorColumns } from '$lib/contract';
import type { Filters } from '$lib/domain/filters';
import { cubeAnswers, indicatorMaskCube } from '$lib/sql/cubes';
import { referralFacts } from '$lib/sql/derived';
import { indicatorCombinations } from '$lib/sql/metrics/indicators/combinations';
import { indicatorPairs } from '$lib/sql/metrics/indicators/pairs';
import { indicatorsPerReferral } from '$lib/sql/metrics/indicators/indicators-per-referral';
import { sql, type Sql } from '$lib/sql/sql';
import { engineWith, referral } from '../../helpers/engine';
import { filterSet, onFacts, rarely, some } from '../../helpers/filter-arbitraries';
import { demoEngine } from '../../helpers/page';
import { engineForFile } from '../../helpers/file-engine';

/**
 * The indicator mask cube (issue 14) against the facts path: the combinations (UpSet) and pairs charts give
 * (and indicators per referral, counted from the same masks) the rows and cell keys the facts give, on random filters of which most are the district filter alone (the
 * one the cube answers).
 */
const engine = engineForFile(demoEngine);

const filters: fc.Arbitrary<Filters> = filterSet(
	fc.record({
		districts: some(districts.codes),
		// Filters only the facts answer.
		from: rarely(fc.constantFrom('2023-01-01', '2024-02-14')),
		ageBands: rarely(fc.subarray([...ageBands.codes], { minLength: 1 })),
		genders: rarely(fc.subarray([...genders.codes], { minLength: 1 })),
		indicators: rarely(
			fc.record({
				conditions: fc.constant({ [indicatorColumns[3]!]: 'present' as const }),
				match: fc.constant('all' as const)
			})
		)
	})
);

describe('the indicator mask cube', () => {
	it.each<[string, (chosen: Filters) => Sql]>([
		['the combinations', indicatorCombinations],
		['the pairs', indicatorPairs],
		['indicators per referral', indicatorsPerReferral]
	])('gives %s as the facts do, on random filters', async (_, metric) => {
		let answeredByCube = 0;
		await fc.assert(
			fc.asyncProperty(filters, async (chosen) => {
				if (cubeAnswers(indicatorMaskCube, chosen)) {
					answeredByCube++;
					expect(metric(chosen).text).not.toContain(referralFacts.text);
				}
				expect(metric(onFacts(chosen)).text).toContain(referralFacts.text);
				expect(await engine.query(metric(chosen))).toEqual(await engine.query(metric(onFacts(chosen))));
			}),
			{ numRuns: 30, seed: 1421 }
		);
		expect(answeredByCube).toBeGreaterThan(10);
	});

	it('answers the district filter alone: no period, no other filter', () => {
		expect(cubeAnswers(indicatorMaskCube, { districts: ['fenland'] })).toBe(true);
		expect(cubeAnswers(indicatorMaskCube, { from: '2024-01-01' })).toBe(false);
		expect(cubeAnswers(indicatorMaskCube, { genders: ['female'] })).toBe(false);
		expect(cubeAnswers(indicatorMaskCube, { lookedAfter: true })).toBe(false);
	});

	it('counts each referral in the cell of exactly its indicators present', async () => {
		// R1 and R2 have the same indicators present in Fenland, R3 one more (in February); R4 is in Peterborough. A cube
		// keyed by anything but the exact mask, or by the assessed mask, would put them in other cells.
		const own = await engineWith({
			referrals: [
				referral({ referral_id: 'R1', child_id: 'C1', ind_drugs: 'high', ind_missing: 'none' }),
				referral({ referral_id: 'R2', child_id: 'C2', ind_drugs: 'low' }),
				referral({
					referral_id: 'R3',
					child_id: 'C3',
					referral_date: '2024-02-10',
					ind_drugs: 'present',
					ind_coercion: 'medium'
				}),
				referral({ referral_id: 'R4', child_id: 'C4', district: 'peterborough', ind_drugs: 'high' })
			]
		});
		try {
			const combinations = async (chosen: Filters) =>
				(
					await own.query<{ combination: string; referrals: number }>(
						sql`SELECT combination, referrals FROM (${indicatorCombinations(chosen)})`
					)
				).map(({ combination, referrals }) => `${combination}: ${referrals}`);
			expect(await combinations({ districts: ['fenland'] })).toEqual([
				'ind_drugs: 2',
				'ind_drugs|ind_coercion: 1'
			]);
			expect(await combinations({ districts: ['peterborough'] })).toEqual(['ind_drugs: 1']);
			expect(await combinations(onFacts({ districts: ['fenland'] }))).toEqual([
				'ind_drugs: 2',
				'ind_drugs|ind_coercion: 1'
			]);
			// The cube has no month: a period reads the facts.
			expect(await combinations({ districts: ['fenland'], from: '2024-02-01' })).toEqual([
				'ind_drugs|ind_coercion: 1'
			]);
		} finally {
			await own.close();
		}
	});
});
