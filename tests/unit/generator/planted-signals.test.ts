/**
 * The three planted signals (data/README.md) are there, measured as the dashboard will measure them:
 * Fenland's rise (XmR shift and funnel), the summer peak in missing episodes, the ageing down.
 */
import { describe, expect, it } from 'vitest';
import { districts } from '$lib/contract';
import { childrenAged10to17, districtPopulation } from '../../../data/generator/district-population';
import { generateExtract, type Extract } from '../../../data/generator/generate-extract';
import { demoOptions } from '../../../data/generator/generator-options';
import { demoExtract } from './demo-extract';
import { mean, monthly, numbers, share, strings, xmr } from './extract-measures';

/** Fenland's monthly referrals over the complete months, November 2021 to October 2026. */
const fenlandMonthly = ({ referrals }: Extract) => {
	const district = strings(referrals, 'district');
	return monthly(
		strings(referrals, 'referral_date'),
		'2021-11',
		'2026-10',
		(row) => district[row] === 'fenland'
	);
};

/**
 * The planted cohort's referrals (boys 14–17 with drug use and concerning adults present, in Huntingdonshire
 * and East Cambridgeshire) in the last two complete years (November 2024 – October 2026) over the first two
 * (November 2021 – October 2023). The planted part alone grows 1.5³ ≈ 3.4× between their midpoints; the
 * background cohort there, flat, dilutes it.
 */
const cohortGrowth = ({ referrals }: Extract) => {
	const dates = strings(referrals, 'referral_date');
	const district = strings(referrals, 'district');
	const gender = strings(referrals, 'gender');
	const ages = numbers(referrals, 'age_at_referral');
	const drugs = strings(referrals, 'ind_drugs');
	const adults = strings(referrals, 'ind_concerning_adults');
	const present = (level: string | undefined) => ['present', 'low', 'medium', 'high'].includes(level ?? '');
	const inCohort = (row: number) =>
		gender[row] === 'male' &&
		(ages[row] ?? 0) >= 14 &&
		(ages[row] ?? 0) <= 17 &&
		present(drugs[row]) &&
		present(adults[row]) &&
		(district[row] === 'huntingdonshire' || district[row] === 'east_cambridgeshire');
	const count = (from: string, to: string) =>
		dates.filter((date, row) => date >= from && date < to && inCohort(row)).length;
	return count('2024-11-01', '2026-11-01') / count('2021-11-01', '2023-11-01');
};

/** Summer (June–August) over the other complete months of each calendar year, for missing episode starts. */
const summerRatios = ({ missingEpisodes }: Extract) => {
	const starts = strings(missingEpisodes, 'start_date');
	return [2022, 2023, 2024, 2025, 2026].map((year) => {
		const months = monthly(starts, `${year}-01`, `${year}-12`);
		const summer = months.filter((_, i) => i >= 5 && i <= 7);
		const others = months.filter((_, i) => (i < 5 || i > 7) && !(year === 2026 && i >= 10));
		return mean(summer) / mean(others);
	});
};

/** Mean age at referral and share aged 12–14 in the first and the last 12 months. */
const ageProfile = ({ referrals }: Extract) => {
	const dates = strings(referrals, 'referral_date');
	const ages = numbers(referrals, 'age_at_referral');
	const first = ages.filter((_, row) => (dates[row] ?? '') < '2022-11-01');
	const last = ages.filter((_, row) => (dates[row] ?? '') > '2025-11-15');
	const young = (values: number[]) => share(values, (age) => age >= 12 && age <= 14);
	return { drop: mean(first) - mean(last), youngShare: [young(first), young(last)] as const };
};

describe('planted signals in the demo extract', () => {
	const demo = demoExtract();

	it('1. Fenland: referrals step up over the last 10 months, an XmR shift and points above the limit', () => {
		const months = fenlandMonthly(demo);
		expect(months).toHaveLength(60);
		const last9 = mean(months.slice(-9));
		const before = mean(months.slice(0, 50));
		expect(last9 / before).toBeGreaterThan(2);
		const chart = xmr(months);
		expect(chart.trailingRunAbove).toBeGreaterThanOrEqual(7);
		expect(months.slice(-12).filter((n) => n > chart.upper).length).toBeGreaterThanOrEqual(1);
		expect(months.slice(0, 48).filter((n) => n > chart.upper)).toEqual([]);
	});

	it('1. Fenland: highest rate of any district in the last 12 months, above the 99.8% funnel limit', () => {
		const dates = strings(demo.referrals, 'referral_date');
		const district = strings(demo.referrals, 'district');
		const population = districtPopulation([2026]);
		const recent = district.filter((_, row) => (dates[row] ?? '') > '2025-11-15');
		const rows = districts.codes.map((code) => ({
			code,
			count: recent.filter((d) => d === code).length,
			children: childrenAged10to17(population, code, 2026)
		}));
		const pooled = rows.reduce((s, r) => s + r.count, 0) / rows.reduce((s, r) => s + r.children, 0);
		// Normal approximation to the Poisson funnel: z = (observed − expected) / √expected.
		const z = new Map(
			rows.map((r) => [r.code, (r.count - pooled * r.children) / Math.sqrt(pooled * r.children)])
		);
		expect(z.get('fenland')).toBeGreaterThan(3.090232306);
		expect(Math.max(...z.values())).toBe(z.get('fenland'));
	});

	it('2. Missing episodes peak in June–August every year', () => {
		for (const ratio of summerRatios(demo)) expect(ratio).toBeGreaterThan(1.3);
	});

	it('3. The age profile gets younger: mean age falls by about a year, more 12–14-year-olds', () => {
		const { drop, youngShare } = ageProfile(demo);
		expect(drop).toBeGreaterThan(0.7);
		expect(drop).toBeLessThan(1.5);
		expect(youngShare[1] - youngShare[0]).toBeGreaterThan(0.1);
	});

	it('4. The planted cohort in Huntingdonshire and East Cambridgeshire more than doubles', () => {
		expect(cohortGrowth(demo)).toBeGreaterThan(2);
	});
});

describe('planted signals for other seeds', () => {
	it.each(['a', 'b', 'c'])('seed %s shows all four signals', (seed) => {
		const extract = generateExtract({ ...demoOptions, seed });
		const months = fenlandMonthly(extract);
		const chart = xmr(months);
		expect(mean(months.slice(-9)) / mean(months.slice(0, 50))).toBeGreaterThan(1.6);
		expect(months.slice(-12).some((n) => n > chart.upper) || chart.trailingRunAbove >= 7).toBe(true);
		expect(mean(summerRatios(extract))).toBeGreaterThan(1.3);
		expect(ageProfile(extract).drop).toBeGreaterThan(0.5);
		expect(cohortGrowth(extract)).toBeGreaterThan(1.8);
	});
});
