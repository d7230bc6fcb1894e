/**
 * The demo extract has the magnitudes of shared/domain/README.md §3, measured from its rows as an analyst would.
 */
import { describe, expect, it } from 'vitest';
import { pathwayStages, presentLevels, type IndicatorLevel } from '$lib/contract';
import { addYears, dayFromIso } from '../../../data/generator/day-number';
import { demoExtract } from './demo-extract';
import { countBy, mean, numbers, repeatShare, share, strings } from './extract-measures';

const { referrals, missingEpisodes } = demoExtract();
const dates = strings(referrals, 'referral_date');
const children = strings(referrals, 'child_id');
const ages = numbers(referrals, 'age_at_referral');
const risk = strings(referrals, 'risk_level');
const isPresent = (level: string) => presentLevels.includes(level as IndicatorLevel);

/** Rows of the first referral of each child. */
const firstReferrals = [...new Map(children.map((child, row) => [child, row] as const).reverse()).values()];

describe('demo extract magnitudes', () => {
	it('has 350–600 referrals in every 12-month period', () => {
		const periods = ['2021-11', '2022-11', '2023-11', '2024-11', '2025-11'].map(
			(from) =>
				dates.filter((date) => date >= `${from}-01` && date < `${Number(from.slice(0, 4)) + 1}-11-01`).length
		);
		for (const count of periods) {
			expect(count).toBeGreaterThanOrEqual(350);
			expect(count).toBeLessThanOrEqual(600);
		}
	});

	it('is 80–90% boys', () => {
		const gender = strings(referrals, 'gender');
		expect(share(firstReferrals, (row) => gender[row] === 'male')).toBeGreaterThanOrEqual(0.8);
		expect(share(firstReferrals, (row) => gender[row] === 'male')).toBeLessThanOrEqual(0.9);
	});

	it('has 15–25% of referred children looked after', () => {
		const lookedAfter = columnByChild('looked_after');
		const shareLookedAfter = share([...lookedAfter.values()], (values) => values.includes('true'));
		expect(shareLookedAfter).toBeGreaterThanOrEqual(0.15);
		expect(shareLookedAfter).toBeLessThanOrEqual(0.25);
	});

	it('has 20–30% repeat referrals within 12 months', () => {
		for (const from of ['2021-11-01', '2022-11-01']) {
			expect(repeatShare(referrals, from)).toBeGreaterThanOrEqual(0.2);
			expect(repeatShare(referrals, from)).toBeLessThanOrEqual(0.3);
		}
	});

	it('has ages peaking at 15–16, mostly 10–17, a few older and younger', () => {
		const counts = countBy(ages.map(String));
		const peak = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
		expect(['15', '16']).toContain(peak);
		expect(share(ages, (age) => age >= 10 && age <= 17)).toBeGreaterThan(0.9);
		expect(share(ages, (age) => age >= 18)).toBeGreaterThan(0.01);
		expect(share(ages, (age) => age >= 18)).toBeLessThan(0.08);
		expect(share(ages, (age) => age < 10)).toBeLessThan(0.02);
	});

	it('is about two thirds Cambridgeshire, one third Peterborough', () => {
		const district = strings(referrals, 'district');
		expect(share(district, (d) => d === 'peterborough')).toBeGreaterThan(0.33);
		expect(share(district, (d) => d === 'peterborough')).toBeLessThan(0.41);
		expect(new Set(district).size).toBe(6);
	});

	it('is mostly White with a plausible mix, and referred mostly by police, schools, LA services and health', () => {
		const ethnicity = strings(referrals, 'ethnicity');
		expect(share(ethnicity, (e) => e === 'white')).toBeGreaterThan(0.65);
		expect(share(ethnicity, (e) => e === 'white')).toBeLessThan(0.85);
		expect(new Set(ethnicity).size).toBe(6);
		const source = strings(referrals, 'referral_source');
		expect(share(source, (s) => ['police', 'schools', 'la_services', 'health'].includes(s))).toBeGreaterThan(
			0.75
		);
		expect([...countBy(source)].sort((a, b) => b[1] - a[1])[0]?.[0]).toBe('police');
	});

	it('has a pathway funnel that narrows from MASH referral to risk tool', () => {
		const stage = strings(referrals, 'pathway_stage');
		const reached = pathwayStages.codes.map((_, k) =>
			share(stage, (s) => pathwayStages.codes.indexOf(s as (typeof pathwayStages.codes)[number]) >= k)
		);
		expect(reached[0]).toBe(1);
		for (let k = 1; k < reached.length; k++) expect(reached[k]).toBeLessThan(reached[k - 1] ?? 0);
		expect(reached.at(-1)).toBeGreaterThan(0.1);
		expect(reached.at(-1)).toBeLessThan(0.3);
	});

	it('has correlated indicators: more of them, and more missing, where risk is higher', () => {
		const indicatorCount = new Array<number>(referrals.length).fill(0);
		for (const field of referrals.fields.filter((f) => f.name.startsWith('ind_'))) {
			strings(referrals, field.name).forEach((level, row) => {
				if (isPresent(level)) indicatorCount[row] = (indicatorCount[row] ?? 0) + 1;
			});
		}
		const meanFor = (level: string) => mean(indicatorCount.filter((_, row) => risk[row] === level));
		expect(meanFor('high')).toBeGreaterThan(meanFor('medium') + 1);
		expect(meanFor('medium')).toBeGreaterThan(meanFor('low') + 1);
		const missing = strings(referrals, 'ind_missing');
		const recent = numbers(referrals, 'missing_episodes_12m');
		const presentWhen = (test: (n: number) => boolean) =>
			share(
				missing.filter((_, row) => test(recent[row] ?? 0) && risk[row] !== 'not_assessed'),
				isPresent
			);
		expect(presentWhen((n) => n > 0)).toBeGreaterThan(0.8);
		expect(presentWhen((n) => n === 0)).toBeLessThan(0.25);
	});

	it('links interventions to risk and age, and gives NRM referrals to a minority of high-risk children', () => {
		const intervention = strings(referrals, 'intervention');
		const disruptShare = (level: string) =>
			share(
				intervention.filter((_, row) => risk[row] === level),
				(kind) => kind === 'disrupt'
			);
		expect(disruptShare('high')).toBeGreaterThan(disruptShare('low') + 0.3);
		const deterShare = (young: boolean) =>
			share(
				intervention.filter((kind, row) => kind !== 'none' && (ages[row] ?? 0) <= 13 === young),
				(kind) => kind === 'deter'
			);
		expect(deterShare(true)).toBeGreaterThan(deterShare(false));
		const nrm = strings(referrals, 'nrm_referral');
		const nrmShare = (level: string) =>
			share(
				nrm.filter((_, row) => risk[row] === level),
				(v) => v === 'true'
			);
		expect(nrmShare('high')).toBeGreaterThan(0.1);
		expect(nrmShare('high')).toBeLessThan(0.5);
		expect(nrmShare('low')).toBeLessThan(0.03);
		expect(share(nrm, (v) => v === 'true')).toBeLessThan(0.15);
	});

	it('has 30–50% of referred children with missing episodes, heavy-tailed, about 6 each for looked-after children', () => {
		const episodeChildren = strings(missingEpisodes, 'child_id');
		const withEpisodes = new Set(episodeChildren);
		const referred = new Set(children);
		const shareMissing = share([...referred], (child) => withEpisodes.has(child));
		expect(shareMissing).toBeGreaterThanOrEqual(0.3);
		expect(shareMissing).toBeLessThanOrEqual(0.5);
		const perChild = countBy(episodeChildren);
		expect(Math.max(...perChild.values())).toBeGreaterThanOrEqual(15);
		expect(share([...perChild.values()], (n) => n > 1)).toBeGreaterThan(0.5);
		const lookedAfter = strings(missingEpisodes, 'looked_after');
		const lookedAfterChildren = new Set(episodeChildren.filter((_, row) => lookedAfter[row] === 'true'));
		const meanLookedAfter = mean([...lookedAfterChildren].map((child) => perChild.get(child) ?? 0));
		expect(meanLookedAfter).toBeGreaterThan(4.5);
		expect(meanLookedAfter).toBeLessThan(8);
	});

	it('has about 90% of episodes lasting 2 days or less, and some still open at the extract date', () => {
		const start = strings(missingEpisodes, 'start_date');
		const end = strings(missingEpisodes, 'end_date');
		const days = end.flatMap((e, row) => (e === '' ? [] : [dayFromIso(e) - dayFromIso(start[row] ?? e)]));
		expect(days.every((d) => d >= 0)).toBe(true);
		expect(share(days, (d) => d <= 2)).toBeGreaterThan(0.85);
		expect(share(days, (d) => d <= 2)).toBeLessThan(0.95);
		const open = start.filter((_, row) => end[row] === '');
		expect(open.length).toBeGreaterThan(0);
		expect(open.every((date) => dayFromIso('2026-11-15') - dayFromIso(date) <= 90)).toBe(true);
	});

	it('has mostly missing (some away, looked-after only) and return home interviews offered, 60–70% accepted, mostly within 72 hours', () => {
		const type = strings(missingEpisodes, 'episode_type');
		const lookedAfter = strings(missingEpisodes, 'looked_after');
		expect(share(type, (t) => t === 'missing')).toBeGreaterThan(0.75);
		expect(type.every((t, row) => t === 'missing' || lookedAfter[row] === 'true')).toBe(true);
		const end = strings(missingEpisodes, 'end_date');
		const offered = strings(missingEpisodes, 'rhi_offered');
		const accepted = strings(missingEpisodes, 'rhi_accepted');
		const interview = strings(missingEpisodes, 'rhi_date');
		const closed = end.map((_, row) => row).filter((row) => end[row] !== '');
		expect(share(closed, (row) => offered[row] === 'true')).toBeGreaterThan(0.8);
		const offeredRows = closed.filter((row) => offered[row] === 'true');
		const acceptedShare = share(offeredRows, (row) => accepted[row] === 'true');
		expect(acceptedShare).toBeGreaterThanOrEqual(0.6);
		expect(acceptedShare).toBeLessThanOrEqual(0.7);
		const delays = closed.flatMap((row) =>
			interview[row] ? [dayFromIso(interview[row] ?? '') - dayFromIso(end[row] ?? '')] : []
		);
		expect(delays.every((d) => d >= 0)).toBe(true);
		expect(share(delays, (d) => d <= 3)).toBeGreaterThan(0.7);
		end.forEach((e, row) => {
			if (e === '') expect([offered[row], accepted[row], interview[row]]).toEqual(['', '', '']);
			if (offered[row] !== 'true') expect([accepted[row], interview[row]]).toEqual(['', '']);
		});
	});

	it("counts each referral's missing episodes in the 12 months before it from the episodes table", () => {
		const episodeStarts = new Map<string, number[]>();
		const starts = strings(missingEpisodes, 'start_date');
		strings(missingEpisodes, 'child_id').forEach((child, row) => {
			episodeStarts.set(child, [...(episodeStarts.get(child) ?? []), dayFromIso(starts[row] ?? '')]);
		});
		const recent = numbers(referrals, 'missing_episodes_12m');
		const windowStart = dayFromIso('2021-11-01');
		const inconsistent = dates.filter((date, row) => {
			const day = dayFromIso(date);
			const from = addYears(day, -1);
			const inTable = (episodeStarts.get(children[row] ?? '') ?? []).filter(
				(s) => s >= from && s < day
			).length;
			// Before November 2022 part of the year before lies outside the extract window.
			return from >= windowStart ? recent[row] !== inTable : (recent[row] ?? 0) < inTable;
		});
		expect(inconsistent).toEqual([]);
		expect(share(recent, (n) => n > 0)).toBeGreaterThan(0.25);
	});
});

/** The values of a column for each child, in referral order. */
function columnByChild(name: string): Map<string, string[]> {
	const values = strings(referrals, name);
	const byChild = new Map<string, string[]>();
	children.forEach((child, row) => byChild.set(child, [...(byChild.get(child) ?? []), values[row] ?? '']));
	return byChild;
}
