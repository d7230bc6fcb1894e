import {
	indicatorColumns,
	indicatorLevels,
	interventionKinds,
	pathwayStages,
	referralSources,
	riskLevels,
	type IndicatorColumn
} from '../../src/lib/contract';
import { codeIndex } from './code-index';
import type { Prng } from './prng';
import { bernoulli, categorical, cumulative, logistic, normal } from './samplers';

const LEVEL = codeIndex(indicatorLevels);
const RISK = codeIndex(riskLevels);
const STAGE = codeIndex(pathwayStages);
const INTERVENTION = codeIndex(interventionKinds);
const SOURCE = codeIndex(referralSources);

/** What a referral's details depend on. */
export interface ReferralContext {
	readonly age: number;
	/** The child's latent risk (standard normal). */
	readonly risk: number;
	readonly female: boolean;
	readonly repeat: boolean;
	/** A referral of the planted cohort: the checklist is always completed and records drug use and concerning adults. */
	readonly planted?: boolean;
	/** Missing episodes in the 12 months before the referral. */
	readonly recentEpisodes: number;
	/** Days from the referral to the extract date: recent referrals have not yet moved far along the pathway. */
	readonly daysToExtract: number;
}

/** The coded details of one referral, as positions in the contract's enumerations. */
export interface ReferralDetails {
	readonly source: number;
	/** One level per indicator, in the contract's indicator order (a buffer the caller reuses). */
	readonly indicators: Uint8Array;
	readonly riskLevel: number;
	readonly stage: number;
	readonly intervention: number;
	readonly nrm: boolean;
}

/**
 * Indicator prevalence model: present with probability logistic(base + loading × severity + age and sex
 * terms). Severity is the child's latent risk plus referral noise, so indicators co-occur, rise together with
 * the overall risk level, and are commoner at later pathway stages. `ind_missing` follows missing episodes.
 */
const indicatorModel: Readonly<
	Record<
		Exclude<IndicatorColumn, 'ind_missing'>,
		{ base: number; loading: number; age?: number; female?: number }
	>
> = {
	ind_accommodation: { base: -1.2, loading: 0.8 },
	ind_education: { base: 0.3, loading: 0.7 },
	ind_drugs: { base: -0.1, loading: 0.9, age: 0.25 },
	ind_relationships: { base: 0.0, loading: 0.8 },
	ind_disengagement: { base: -0.5, loading: 0.9 },
	ind_coercion: { base: -0.7, loading: 1.0 },
	ind_mental_health: { base: -0.5, loading: 0.6, female: 0.6 },
	ind_concerning_adults: { base: -0.5, loading: 0.9, female: 0.8 },
	ind_online: { base: -0.6, loading: 0.5, age: -0.15 },
	ind_gifts: { base: -1.1, loading: 0.9 },
	ind_appearance: { base: -1.4, loading: 0.8 }
};

/** Indicators every referral of the planted cohort records as present. */
const plantedIndicators: ReadonlySet<IndicatorColumn> = new Set(['ind_drugs', 'ind_concerning_adults']);

/** Referral sources in the contract's order: mostly police, schools, local authority services and health. */
const sourceWeights: readonly number[] = [6, 20, 4, 11, 1.5, 17, 34, 2, 1.5, 1, 2];

/** Source weights adjusted by factors per code. */
function adjusted(factors: Partial<Record<keyof typeof SOURCE, number>>): readonly number[] {
	const weights = [...sourceWeights];
	for (const [code, factor] of Object.entries(factors) as [keyof typeof SOURCE, number][]) {
		weights[SOURCE[code]] = (weights[SOURCE[code]] ?? 0) * factor;
	}
	return weights;
}

/** Schools refer younger children more, police fewer; the police and children's services refer the most severe. */
const young = { schools: 1.7, education_services: 1.4, police: 0.6 };
const severe = { police: 1.4, la_services: 1.2 };
const sourceWeightsBy = {
	other: cumulative(sourceWeights),
	young: cumulative(adjusted(young)),
	severe: cumulative(adjusted(severe)),
	youngSevere: cumulative(adjusted({ ...young, ...severe, police: young.police * severe.police }))
};

/** Fraction of the usual chance of moving on that a referral `days` old has had time for. */
const elapsed = (days: number, typical: number): number => Math.min(1, (days + 1) / typical);

function sampleSource(rng: Prng, context: ReferralContext, severity: number): number {
	const isYoung = context.age <= 13;
	const isSevere = severity > 1;
	const weights = isYoung
		? isSevere
			? sourceWeightsBy.youngSevere
			: sourceWeightsBy.young
		: isSevere
			? sourceWeightsBy.severe
			: sourceWeightsBy.other;
	return categorical(rng, weights);
}

/**
 * Furthest pathway stage: each step (checklist → central list → MASE → risk tool) is likelier the more severe
 * the referral, so the funnel narrows and high-risk children reach the end of it.
 */
function sampleStage(rng: Prng, severity: number, days: number, planted: boolean): number {
	if (!bernoulli(rng, 0.9 * elapsed(days, 7)) && !planted) return STAGE.mash_referral;
	if (!bernoulli(rng, logistic(0.55 + 0.9 * severity) * elapsed(days, 21))) return STAGE.checklist_completed;
	if (!bernoulli(rng, logistic(0.2 + 0.9 * severity) * elapsed(days, 35))) return STAGE.central_list;
	if (!bernoulli(rng, logistic(-0.3 + 0.8 * severity) * elapsed(days, 50))) return STAGE.mase_discussed;
	return STAGE.risk_tool_completed;
}

function sampleLevel(rng: Prng, severity: number): number {
	const score = 0.8 * severity + normal(rng, 0, 0.8);
	return score < -0.35 ? LEVEL.low : score < 0.75 ? LEVEL.medium : LEVEL.high;
}

/** `ind_missing` mirrors the child's recent missing episodes (or missing education when there are none). */
function sampleMissingLevel(rng: Prng, recentEpisodes: number, severity: number): number {
	if (recentEpisodes === 0) {
		if (!bernoulli(rng, logistic(-2.0 + 0.5 * severity))) return LEVEL.none;
		return bernoulli(rng, 0.7) ? LEVEL.low : LEVEL.medium;
	}
	if (!bernoulli(rng, 0.92)) return LEVEL.none;
	const level = recentEpisodes <= 2 ? LEVEL.low : recentEpisodes <= 5 ? LEVEL.medium : LEVEL.high;
	if (!bernoulli(rng, 0.15)) return level;
	return level === LEVEL.high ? LEVEL.medium : level === LEVEL.low ? LEVEL.medium : LEVEL.high;
}

/** Fills `levels` with one level per indicator, in the contract's indicator order. */
function sampleIndicators(
	rng: Prng,
	context: ReferralContext,
	severity: number,
	stage: number,
	levels: Uint8Array
): void {
	const assessed = stage !== STAGE.mash_referral;
	// Before the checklist, most referrals carry no indicator information; the rest only a yes/no flag.
	const flagsOnly = !assessed && bernoulli(rng, 0.45);
	for (let i = 0; i < indicatorColumns.length; i++) {
		const column = indicatorColumns[i] ?? 'ind_missing';
		let level: number;
		if (column === 'ind_missing') {
			level = sampleMissingLevel(rng, context.recentEpisodes, severity);
		} else {
			const model = indicatorModel[column];
			const logit =
				model.base +
				model.loading * severity +
				(model.age ?? 0) * (context.age - 15) +
				(context.female ? (model.female ?? 0) : 0);
			const forced = context.planted === true && plantedIndicators.has(column);
			level = bernoulli(rng, logistic(logit)) || forced ? sampleLevel(rng, severity) : LEVEL.none;
			if (forced) {
				levels[i] = level;
				continue;
			}
		}
		if (!assessed)
			level = flagsOnly ? (level === LEVEL.none ? LEVEL.none : LEVEL.present) : LEVEL.not_assessed;
		else if (bernoulli(rng, 0.02)) level = LEVEL.not_assessed;
		levels[i] = level;
	}
}

function sampleRiskLevel(rng: Prng, severity: number, indicators: Uint8Array, stage: number): number {
	if (stage === STAGE.mash_referral) return RISK.not_assessed;
	let highs = 0;
	for (const level of indicators) if (level === LEVEL.high) highs++;
	const score = severity + 0.12 * highs + normal(rng, 0, 0.4);
	return score < -0.2 ? RISK.low : score < 1.05 ? RISK.medium : RISK.high;
}

/** Deter / understand / disrupt mix by risk level; for children 13 and under deterring is likelier, disrupting less. */
const interventionOrder = [INTERVENTION.deter, INTERVENTION.understand, INTERVENTION.disrupt];
const mix = ([deter, understand, disrupt]: readonly [number, number, number]) => ({
	older: cumulative([deter, understand, disrupt]),
	young: cumulative([deter * 1.8, understand, disrupt * 0.6])
});
const interventionMix = {
	high: mix([0.08, 0.3, 0.62]),
	medium: mix([0.3, 0.5, 0.2]),
	low: mix([0.65, 0.3, 0.05])
};

/** Intervention kind by risk and age: deterring for low risk and the young, disrupting for high risk. */
function sampleIntervention(rng: Prng, riskLevel: number, stage: number, age: number): number {
	if (stage === STAGE.mash_referral) return INTERVENTION.none;
	const none = stage === STAGE.checklist_completed ? 0.65 : 0.12;
	if (bernoulli(rng, none)) return INTERVENTION.none;
	const byRisk =
		riskLevel === RISK.high
			? interventionMix.high
			: riskLevel === RISK.medium
				? interventionMix.medium
				: interventionMix.low;
	const kind = categorical(rng, age <= 13 ? byRisk.young : byRisk.older);
	return interventionOrder[kind] ?? INTERVENTION.none;
}

/** NRM referrals: a minority of high-risk children, most of them discussed at MASE. */
function sampleNrm(rng: Prng, riskLevel: number, stage: number, age: number): boolean {
	const chance =
		riskLevel === RISK.high
			? stage >= STAGE.mase_discussed
				? 0.35
				: 0.1
			: riskLevel === RISK.medium
				? 0.03
				: riskLevel === RISK.low
					? 0.005
					: 0;
	return bernoulli(rng, chance * (age >= 16 ? 1.2 : 1));
}

/**
 * Samples the coded details of one referral. The indicator levels are written into `indicators` (one slot
 * per indicator), which the caller owns and may reuse: a million referrals need no million small arrays.
 */
export function sampleReferralDetails(
	rng: Prng,
	context: ReferralContext,
	indicators: Uint8Array = new Uint8Array(indicatorColumns.length)
): ReferralDetails {
	const severity = context.risk + normal(rng, 0, 0.35) + (context.repeat ? 0.25 : 0);
	const source = sampleSource(rng, context, severity);
	const stage = sampleStage(rng, severity, context.daysToExtract, context.planted === true);
	sampleIndicators(rng, context, severity, stage, indicators);
	const riskLevel = sampleRiskLevel(rng, severity, indicators, stage);
	return {
		source,
		indicators,
		riskLevel,
		stage,
		intervention: sampleIntervention(rng, riskLevel, stage, context.age),
		nrm: sampleNrm(rng, riskLevel, stage, context.age)
	};
}
