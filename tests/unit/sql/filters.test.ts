import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '$lib/engine/engine';
import { referralFacts } from '$lib/sql/derived';
import {
	episodeColumns,
	filterApplies,
	filterPredicate,
	filtersNotApplying,
	referralColumns
} from '$lib/sql/filters';
import { sql } from '$lib/sql/sql';
import { filtersSchema, referralOnlyFilters, type Filters } from '$lib/domain/filters';
import { engineWith, referral } from '../../helpers/engine';

/**
 * Four indicators are set per referral (the other eight are not assessed). Hand count, by indicator:
 *           missing       drug use      concerning adults  online
 *   R1      none          high          present            not assessed
 *   R2      high          low           none               none
 *   R3      not assessed  none          not assessed       present
 *   R4      medium        not assessed  medium             low
 */
function levels(missing: string, drugs: string, adults: string, online: string) {
	return { ind_missing: missing, ind_drugs: drugs, ind_concerning_adults: adults, ind_online: online };
}

let engine: Engine;
beforeAll(async () => {
	engine = await engineWith({
		referrals: [
			referral({
				referral_id: 'R1',
				child_id: "C'1",
				referral_date: '2024-01-01',
				age_at_referral: 9,
				district: 'fenland',
				...levels('none', 'high', 'present', 'not_assessed'),
				intervention: 'deter',
				pathway_stage: 'mase_discussed',
				nrm_referral: true
			}),
			referral({
				referral_id: 'R2',
				child_id: 'C2',
				referral_date: '2024-02-01',
				age_at_referral: 12,
				district: 'cambridge',
				gender: 'female',
				...levels('high', 'low', 'none', 'none'),
				intervention: 'none',
				pathway_stage: null,
				nrm_referral: false
			}),
			referral({
				referral_id: 'R3',
				child_id: 'C3',
				referral_date: '2024-03-01',
				age_at_referral: 15,
				district: 'peterborough',
				looked_after: true,
				...levels('not_assessed', 'none', 'not_assessed', 'present'),
				intervention: null,
				pathway_stage: 'mash_referral',
				nrm_referral: null
			}),
			referral({
				referral_id: 'R4',
				// C3 again, a month after R3: a repeat referral.
				child_id: 'C3',
				referral_date: '2024-04-01',
				age_at_referral: 17,
				district: 'peterborough',
				looked_after: null,
				ethnicity: null,
				...levels('medium', 'not_assessed', 'medium', 'low'),
				intervention: 'disrupt',
				pathway_stage: 'mase_discussed',
				nrm_referral: false
			})
		]
	});
});
afterAll(() => engine.close());

async function count(filters: Filters): Promise<number> {
	const [row] = await engine.query<{ n: number }>(
		sql`SELECT count(*) AS n FROM ${referralFacts} WHERE ${filterPredicate(filters, referralColumns)}`
	);
	return row!.n;
}

describe('filterPredicate on DuckDB', () => {
	it('matches everything with no filters', async () => {
		expect(filterPredicate({}, referralColumns).text).toBe('TRUE');
		expect(await count({})).toBe(4);
	});

	it('applies period bounds inclusively', async () => {
		expect(await count({ from: '2024-02-01', to: '2024-03-01' })).toBe(2);
	});

	it('applies list filters, age bands and looked-after', async () => {
		expect(await count({ districts: ['peterborough'] })).toBe(2);
		expect(await count({ districts: [] })).toBe(0);
		expect(await count({ ageBands: ['0-9', '17'] })).toBe(2);
		expect(await count({ genders: ['female'] })).toBe(1);
		expect(await count({ lookedAfter: true })).toBe(1);
		expect(await count({ lookedAfter: false })).toBe(2);
		expect(await count({ ethnicities: ['white'], districts: ['peterborough'] })).toBe(1);
	});

	it('leaves out excepted filters (a chart does not filter itself)', async () => {
		const predicate = filterPredicate({ districts: ['fenland'], genders: ['female'] }, referralColumns, [
			'districts'
		]);
		expect(predicate.text).not.toContain('district');
	});

	it('ignores filters a table has no column for', () => {
		const predicate = filterPredicate({ genders: ['female'], districts: ['fenland'] }, episodeColumns);
		expect(predicate.text).not.toContain('gender');
		expect(predicate.text).toContain('district');
	});
});

describe('the indicator filter on DuckDB (hand-counted above)', () => {
	const indicators = (
		match: 'all' | 'any' | 'at_least',
		conditions: NonNullable<Filters['indicators']>['conditions'],
		atLeast?: number
	): Filters => ({ indicators: { conditions, match, ...(atLeast !== undefined ? { atLeast } : {}) } });

	it('all of: every chosen condition holds', async () => {
		expect(await count(indicators('all', { ind_drugs: 'present', ind_concerning_adults: 'present' }))).toBe(
			1
		);
		// Drug use present and missing assessed as none: R1 only.
		expect(await count(indicators('all', { ind_drugs: 'present', ind_missing: 'absent' }))).toBe(1);
		// Indicators nobody assessed are "not assessed" on every referral.
		expect(await count(indicators('all', { ind_gifts: 'not_assessed', ind_online: 'not_assessed' }))).toBe(1);
	});

	it('any of: at least one chosen condition holds', async () => {
		expect(await count(indicators('any', { ind_drugs: 'present', ind_concerning_adults: 'present' }))).toBe(
			3
		);
		// Drug use not assessed (R4) or missing assessed as none (R1).
		expect(await count(indicators('any', { ind_drugs: 'not_assessed', ind_missing: 'absent' }))).toBe(2);
	});

	it('at least n of: counts the conditions that hold, whatever each one is', async () => {
		const fourPresent = {
			ind_missing: 'present',
			ind_drugs: 'present',
			ind_concerning_adults: 'present',
			ind_online: 'present'
		} as const;
		expect(await count(indicators('at_least', fourPresent, 2))).toBe(3);
		expect(await count(indicators('at_least', fourPresent, 3))).toBe(1);
		// R1 meets 1 (drug use), R2 2 (drug use, online none), R3 2 (both not assessed), R4 none.
		const mixed = {
			ind_drugs: 'present',
			ind_concerning_adults: 'not_assessed',
			ind_online: 'absent',
			ind_missing: 'not_assessed'
		} as const;
		expect(await count(indicators('at_least', mixed, 2))).toBe(2);
		expect(await count(indicators('at_least', mixed, 5))).toBe(0);
	});

	it('keeps "not present" (assessed as none) apart from "not assessed"', async () => {
		expect(await count(indicators('all', { ind_drugs: 'absent' }))).toBe(1);
		expect(await count(indicators('all', { ind_drugs: 'not_assessed' }))).toBe(1);
		expect(await count(indicators('all', { ind_drugs: 'present' }))).toBe(2);
	});

	it('uses the bitmasks, not the 12 level columns', () => {
		const text = filterPredicate(
			indicators('all', { ind_drugs: 'present', ind_concerning_adults: 'present' }),
			referralColumns
		).text;
		expect(text).toBe('("present_mask" & 264) = 264');
		expect(filterPredicate(indicators('all', {}), referralColumns).text).toBe('TRUE');
	});
});

describe('the other cohort filters on DuckDB', () => {
	it('filters single-year ages inclusively, ANDed with the age bands', async () => {
		expect(await count({ ageFrom: 12, ageTo: 16 })).toBe(2);
		expect(await count({ ageFrom: 15 })).toBe(2);
		expect(await count({ ageTo: 9 })).toBe(1);
		expect(await count({ ageFrom: 0, ageTo: 0 })).toBe(0);
		expect(await count({ ageBands: ['17'], ageFrom: 12 })).toBe(1);
		expect(await count({ ageBands: ['13-14'], ageFrom: 15 })).toBe(0);
	});

	it('filters intervention and furthest stage, "not recorded" meaning a blank field', async () => {
		expect(await count({ interventions: ['none'] })).toBe(1);
		expect(await count({ interventions: ['not_recorded'] })).toBe(1);
		expect(await count({ interventions: ['deter', 'not_recorded'] })).toBe(2);
		expect(await count({ interventions: [] })).toBe(0);
		expect(await count({ stages: ['mase_discussed'] })).toBe(2);
		expect(await count({ stages: ['not_recorded', 'mash_referral'] })).toBe(2);
	});

	it('filters repeat referrals and NRM referrals (a blank NRM answer matches neither)', async () => {
		expect(await count({ repeat: true })).toBe(1);
		expect(await count({ repeat: false })).toBe(3);
		expect(await count({ nrm: true })).toBe(1);
		expect(await count({ nrm: false })).toBe(2);
		expect(await count({ repeat: true, nrm: false, ageFrom: 17 })).toBe(1);
	});
});

const barOrder = filtersSchema.keyof().options as readonly string[];
const byBarOrder = (a: string, b: string) => barOrder.indexOf(a) - barOrder.indexOf(b);

describe('which filters missing episodes ignore', () => {
	it('is the domain list of referral-only filters, and referrals apply every filter', () => {
		for (const key of filtersSchema.keyof().options) {
			expect(filterApplies(referralColumns, key)).toBe(true);
			expect(filterApplies(episodeColumns, key)).toBe(
				!(referralOnlyFilters as readonly string[]).includes(key)
			);
		}
	});

	it('names the filters a page cannot apply, for the filter bar to show as not applying', () => {
		expect(filtersNotApplying([episodeColumns])).toEqual([...referralOnlyFilters].sort(byBarOrder));
		expect(filtersNotApplying([episodeColumns, referralColumns])).toEqual([]);
	});

	it('leaves referral-only filters out of the episode predicate, keeping single-year age', () => {
		const predicate = filterPredicate(
			{
				indicators: { conditions: { ind_drugs: 'present' }, match: 'all' },
				interventions: ['none'],
				stages: ['central_list'],
				repeat: true,
				nrm: true,
				ageFrom: 14
			},
			episodeColumns
		);
		expect(predicate.text).toBe('"age_at_start" >= 14');
	});
});
