import type { District } from '../../src/lib/contract';
import { addMonths, monthOf, weekday, yearOf } from './day-number';
import { childrenAged10to17, type PopulationRow } from './district-population';

/**
 * Referral rate per child aged 10–17, relative to the average Cambridgeshire district. Peterborough's
 * 1.5 gives it about 35% of referrals (65% Cambridgeshire, the planted cohort in two of its districts
 * included: planted-cohort.ts) at a rate about 1.5× Cambridgeshire's: the domain figures (65/35 and 1.7×)
 * cannot both hold with these populations, so this sits between them.
 * Fenland and Cambridge run above the county average, South Cambridgeshire below (deprivation, as in the
 * published CCE rates).
 */
export const districtRateRatio: Readonly<Record<District, number>> = {
	cambridge: 1.15,
	east_cambridgeshire: 0.9,
	fenland: 1.2,
	huntingdonshire: 0.95,
	south_cambridgeshire: 0.88,
	peterborough: 1.5
};

/** Background growth in referrals, per year (awareness of county lines kept rising over the period). */
export const YEARLY_GROWTH = 0.03;

/** Mild school-year pattern in referrals (schools refer less in August and at Christmas), January first. */
export const referralSeasonality: readonly number[] = [
	1.0, 1.0, 1.05, 0.95, 1.0, 1.0, 0.95, 0.8, 1.05, 1.1, 1.1, 0.9
];

/** Referrals arrive mostly on weekdays, Monday first. */
export const weekdayWeight: readonly number[] = [1, 1, 1, 1, 1, 0.35, 0.3];

/**
 * Planted signal 1: Fenland's referral rate steps up to 1.5× its own baseline in the month that begins
 * `FENLAND_RISE_MONTHS` before the extract month, then climbs steadily to 2.4× by the extract date.
 */
export const FENLAND_RISE_MONTHS = 10;
export const FENLAND_STEP = 1.5;
export const FENLAND_PEAK = 2.4;

export interface IntensitySettings {
	readonly start: number;
	readonly extract: number;
	readonly population: readonly PopulationRow[];
}

/** First day of Fenland's rise for an extract date. */
export const fenlandRiseStart = (extract: number): number => addMonths(extract, -FENLAND_RISE_MONTHS);

/** Fenland's multiplier on a day: 1 before the rise, then a step and a steady climb. */
export function fenlandFactor(day: number, extract: number): number {
	const riseStart = fenlandRiseStart(extract);
	if (day < riseStart) return 1;
	const progress = Math.min(1, (day - riseStart) / Math.max(1, extract - riseStart));
	return FENLAND_STEP + (FENLAND_PEAK - FENLAND_STEP) * progress;
}

/**
 * The relative daily referral intensity of a district: children aged 10–17 × district rate × background
 * growth × school-year season × weekday × (Fenland only) the planted rise. Scaled to the requested row count
 * elsewhere, so only ratios matter.
 */
export function referralIntensity(settings: IntensitySettings): (district: District, day: number) => number {
	const { start, extract, population } = settings;
	return (district, day) => {
		const years = (day - start) / 365.25;
		const fenland = district === 'fenland' ? fenlandFactor(day, extract) : 1;
		return (
			childrenAged10to17(population, district, yearOf(day)) *
			districtRateRatio[district] *
			Math.exp(YEARLY_GROWTH * years) *
			(referralSeasonality[monthOf(day) - 1] ?? 1) *
			(weekdayWeight[weekday(day)] ?? 1) *
			fenland
		);
	};
}
