import { episodeTypes } from '../../src/lib/contract';
import type { ChildStore } from './child-store';
import { codeIndex } from './code-index';
import { NULL_CODE, NULL_INT } from './columnar-table';
import { addYears, monthOf } from './day-number';
import type { EpisodeStore } from './episode-store';
import type { Prng } from './prng';
import { bernoulli, categorical, cumulative, logistic, negativeBinomial, uniformInt } from './samplers';

const EPISODE = codeIndex(episodeTypes);

/** Chance that a referred child has missing episodes: higher with latent risk and for looked-after children. */
const goesMissingLogit = (risk: number, lookedAfter: boolean): number =>
	-0.45 + 0.75 * risk + (lookedAfter ? 1.3 : 0);

/**
 * Episodes per child who goes missing: 1 + negative binomial, mean 6 for looked-after children and 3 for
 * others, size 0.9 (heavy tail: 65% go missing more than once, a few dozens of times), after DfE's
 * "about 6 incidents each" for looked-after children who go missing.
 */
const MEAN_EPISODES_LOOKED_AFTER = 7.5;
const MEAN_EPISODES_OTHER = 3;
const EPISODE_DISPERSION = 1.2;

/** Episodes cluster around the first referral: 55% in the year before it, the rest in the 18 months after. */
const SHARE_BEFORE_REFERRAL = 0.55;
const DAYS_BEFORE = 365;
const DAYS_AFTER = 540;

/**
 * Planted signal 2: the chance of an episode starting in each calendar month, January first. June–August
 * are about 1.6× the other months (light evenings, school holidays, county-lines recruitment in summer).
 */
export const episodeSeasonality: readonly number[] = [
	0.8, 0.8, 0.9, 1.0, 1.1, 1.45, 1.55, 1.5, 1.05, 0.95, 0.9, 0.8
];
const maxSeasonality = Math.max(...episodeSeasonality);

/** Days between going missing and coming back: about 90% of episodes last 2 days or less (DfE). */
const durationWeights = cumulative([0.46, 0.3, 0.14, 0.035, 0.02, 0.01, 0.008, 0.007, 0.017, 0.003]);
function sampleDuration(rng: Prng): number {
	const bucket = categorical(rng, durationWeights);
	if (bucket <= 7) return bucket;
	return bucket === 8 ? uniformInt(rng, 8, 30) : uniformInt(rng, 31, 90);
}

/** Days from return to the return home interview: about 80% within 72 hours, as statutory guidance asks. */
const interviewDelayWeights = cumulative([0.14, 0.3, 0.24, 0.12, 0.07, 0.05, 0.03, 0.02, 0.03]);
function sampleInterviewDelay(rng: Prng): number {
	const bucket = categorical(rng, interviewDelayWeights);
	return bucket <= 7 ? bucket : uniformInt(rng, 8, 14);
}

const RHI_OFFERED = 0.9;
/** Acceptance falls with latent risk: about 65% overall. */
const acceptLogit = (risk: number): number => 0.65 - 0.35 * risk;
/** Away (from placement, without authorisation) applies to looked-after children only. */
const AWAY_WHEN_LOOKED_AFTER = 0.3;

function sampleStart(rng: Prng, firstReferral: number): number {
	let day = firstReferral;
	for (let attempt = 0; attempt < 50; attempt++) {
		const u = rng();
		day = bernoulli(rng, SHARE_BEFORE_REFERRAL)
			? firstReferral - 1 - Math.floor((DAYS_BEFORE - 1) * Math.pow(u, 1.5))
			: firstReferral + Math.floor(DAYS_AFTER * Math.pow(u, 1.5));
		const weight = episodeSeasonality[monthOf(day) - 1] ?? 1;
		if (rng() * maxSeasonality < weight) break;
	}
	return day;
}

/**
 * Simulates a newly referred child's missing episodes (before and after the first referral) and appends them,
 * in date order and never overlapping, to the episode store.
 */
export function sampleMissingHistory(
	rng: Prng,
	children: ChildStore,
	episodes: EpisodeStore,
	child: number
): void {
	const risk = children.risk.get(child);
	const firstReferral = children.firstReferral.get(child);
	const lookedAfterFrom = children.lookedAfterFrom.get(child);
	// NULL_INT is the smallest Int32, so "never looked after" needs its own test.
	const careFrom = lookedAfterFrom === NULL_INT ? Number.POSITIVE_INFINITY : lookedAfterFrom;
	children.firstEpisode.set(child, episodes.length);
	const lookedAfterAtReferral = careFrom <= firstReferral;
	if (!bernoulli(rng, logistic(goesMissingLogit(risk, lookedAfterAtReferral)))) return;
	const mean = lookedAfterAtReferral ? MEAN_EPISODES_LOOKED_AFTER : MEAN_EPISODES_OTHER;
	const count = 1 + negativeBinomial(rng, mean - 1, EPISODE_DISPERSION);
	const starts = new Int32Array(count);
	for (let i = 0; i < count; i++) starts[i] = sampleStart(rng, firstReferral);
	starts.sort();
	let previousEnd = Number.NEGATIVE_INFINITY;
	for (const sampled of starts) {
		const start = Math.max(sampled, previousEnd + 1);
		const end = start + sampleDuration(rng);
		previousEnd = end;
		const offered = bernoulli(rng, RHI_OFFERED);
		const accepted = offered && bernoulli(rng, logistic(acceptLogit(risk)));
		const away = careFrom <= start && bernoulli(rng, AWAY_WHEN_LOOKED_AFTER);
		episodes.child.push(child);
		episodes.start.push(start);
		episodes.end.push(end);
		episodes.type.push(away ? EPISODE.away : EPISODE.missing);
		episodes.rhiOffered.push(offered ? 1 : 0);
		episodes.rhiAccepted.push(offered ? (accepted ? 1 : 0) : NULL_CODE);
		episodes.rhiDay.push(accepted ? end + sampleInterviewDelay(rng) : NULL_INT);
	}
	children.episodeCount.set(child, count);
}

/** Episodes of a child that started in the 12 months before a day (on or after the same date a year earlier) (the referral's `missing_episodes_12m`). */
export function episodesInYearBefore(
	children: ChildStore,
	episodes: EpisodeStore,
	child: number,
	day: number
): number {
	const first = children.firstEpisode.get(child);
	const count = children.episodeCount.get(child);
	const yearBefore = addYears(day, -1);
	let n = 0;
	for (let e = first; e < first + count; e++) {
		const start = episodes.start.get(e);
		if (start < day && start >= yearBefore) n++;
	}
	return n;
}
