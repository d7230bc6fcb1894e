import { districts, genders, indicatorColumns, type District } from '../../src/lib/contract';
import { ChildStore } from './child-store';
import { childIdFormatter } from './child-id';
import { codeIndex } from './code-index';
import type { ColumnarTable } from './columnar-table';
import { NULL_INT } from './columnar-table';
import { addMonths, ageOn, civilFromDay, dayFromIso, monthStart } from './day-number';
import { districtPopulation } from './district-population';
import { EpisodeStore } from './episode-store';
import { episodeTable } from './episode-table';
import type { GeneratorOptions } from './generator-options';
import { MAX_ROWS } from './generator-options';
import { episodesInYearBefore, sampleMissingHistory } from './missing-history';
import { createPrng } from './prng';
import { ReferralHistory } from './referral-history';
import { sampleReferralDetails } from './referral-details';
import { plantedCohortIntensity } from './planted-cohort';
import { referralIntensity } from './referral-intensity';
import { ReferralRows } from './referral-rows';
import { referralSlots } from './referral-slots';
import { sampleChild } from './sample-child';
import { bernoulli } from './samplers';

const GENDER = codeIndex(genders);

/**
 * Months simulated before the window (so children referred earlier can be re-referred and still go missing
 * inside it: episodes run up to 18 months after a first referral) and after the extract date (so children
 * referred later have their earlier episodes: up to 12 months before a first referral).
 */
const WARM_UP_MONTHS = 18;
const WIND_DOWN_MONTHS = 12;

/** Share of referrals that re-refer a child referred in the previous 12 months (target 20–30%). */
const REPEAT_SHARE = 0.27;

/** The generated extract: the contract's two tables. */
export interface Extract {
	readonly referrals: ColumnarTable;
	readonly missingEpisodes: ColumnarTable;
}

function validate(options: GeneratorOptions): { start: number; extract: number } {
	if (!Number.isInteger(options.rows) || options.rows < 1 || options.rows > MAX_ROWS) {
		throw new Error(`rows must be a whole number from 1 to ${MAX_ROWS}, not ${options.rows}`);
	}
	const start = dayFromIso(options.start);
	const extract = dayFromIso(options.extractDate);
	if (extract <= start) {
		throw new Error(`The extract date ${options.extractDate} must be after the start ${options.start}`);
	}
	return { start, extract };
}

/** Calendar years touched by the window: the years of the population reference. */
export function windowYears(options: GeneratorOptions): number[] {
	const from = civilFromDay(dayFromIso(options.start)).year;
	const to = civilFromDay(dayFromIso(options.extractDate)).year;
	return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/**
 * Generates the synthetic extract for the options: pure and deterministic (no clock, no files, no global
 * state), each stage drawing from its own seeded stream. See data/README.md for the model and planted signals.
 */
export function generateExtract(options: GeneratorOptions): Extract {
	const { start, extract } = validate(options);
	const rng = {
		slots: createPrng(`${options.seed}:slots`),
		children: createPrng(`${options.seed}:children`),
		episodes: createPrng(`${options.seed}:episodes`),
		referrals: createPrng(`${options.seed}:referrals`),
		cohort: createPrng(`${options.seed}:cohort`)
	};
	const population = districtPopulation(windowYears(options));
	const background = referralIntensity({ start, extract, population });
	const planted = plantedCohortIntensity({ extract, population });
	const intensity = (district: District, day: number) => background(district, day) + planted(district, day);
	// A slot belongs to the planted cohort with its share of that district-day's intensity.
	const plantedShare = (district: District, day: number) => planted(district, day) / intensity(district, day);
	const children = new ChildStore();
	const episodes = new EpisodeStore();
	const history = new ReferralHistory();
	const rows = new ReferralRows(options.rows);
	const span = extract - start;
	const slots = referralSlots(rng.slots, {
		rows: options.rows,
		start,
		extract,
		simulateFrom: addMonths(start, -WARM_UP_MONTHS),
		simulateTo: addMonths(monthStart(extract), WIND_DOWN_MONTHS + 1),
		intensity
	});
	const indicators = new Uint8Array(indicatorColumns.length);
	for (const month of slots) {
		for (let slot = 0; slot < month.days.length; slot++) {
			const day = month.days[slot] ?? 0;
			const district = month.districts[slot] ?? 0;
			const inCohort = bernoulli(rng.cohort, plantedShare(districts.codes[district] ?? 'cambridge', day));
			let child =
				!inCohort && bernoulli(rng.referrals, REPEAT_SHARE)
					? history.pickRepeat(rng.referrals, children, district, day)
					: -1;
			const repeat = child >= 0;
			if (!repeat) {
				child = sampleChild(rng.children, children, {
					district,
					day,
					progress: (day - start) / span,
					planted: inCohort
				});
				sampleMissingHistory(rng.episodes, children, episodes, child);
			}
			history.add(district, day, child);
			if (month.output[slot] !== 1) continue;
			const age = ageOn(children.birth.get(child), day);
			const lookedAfterFrom = children.lookedAfterFrom.get(child);
			const recentEpisodes = episodesInYearBefore(children, episodes, child, day);
			rows.add({
				child,
				day,
				age,
				gender: children.gender.get(child),
				ethnicity: children.ethnicity.get(child),
				lookedAfter: lookedAfterFrom !== NULL_INT && lookedAfterFrom <= day,
				district,
				recentEpisodes,
				details: sampleReferralDetails(
					rng.referrals,
					{
						age,
						risk: children.risk.get(child),
						female: children.gender.get(child) === GENDER.female,
						repeat,
						planted: inCohort,
						recentEpisodes,
						daysToExtract: extract - day
					},
					indicators
				)
			});
		}
	}
	const childId = childIdFormatter(options.seed);
	return {
		referrals: rows.toTable(childId),
		missingEpisodes: episodeTable(children, episodes, { start, extract }, childId)
	};
}
