import { formatPercent } from '$lib/format/number';
import type { InterviewShare, InterviewTiming } from './return-interview-shares';

/**
 * A share in words. "c" only ever means withheld (publication mode, a base too small to show a share of);
 * a share with nothing to take it of is "none" and says what there was none of.
 */
const describe = (step: InterviewShare | undefined) =>
	!step || step.denominator === 0
		? `none (no ${step?.of ?? 'records'})`
		: step.share === null
			? 'c (withheld)'
			: `${formatPercent(step.share)} (95% interval ${formatPercent(step.lower!)} to ${formatPercent(step.upper!)})`;

/** What "within 72 hours" counted, in words short enough for a title or a headline card. */
export function withinDefinition(timing: InterviewTiming): string {
	switch (timing) {
		case 'dates':
			return 'on the day of return or one of the next three days';
		case 'hours':
			return 'within 72 hours of the recorded return time';
		case 'mixed':
			return 'within 72 hours (exact hours where both times are recorded, else the day of return or the next three days)';
	}
}

const titleDefinition: Record<InterviewTiming, string> = {
	dates: 'on the day of return or one of the next three days',
	hours: 'exact hours from the recorded times',
	mixed: 'exact hours where times are recorded, else the day of return or the next three days'
};

/**
 * Active title: the share of accepted interviews held within 72 hours, saying what that counted and, where
 * some interviews have dates only, the strict 0-to-2-day share beside it.
 */
export function returnInterviewsTitle(steps: readonly InterviewShare[], timing: InterviewTiming): string {
	const within = steps.find((step) => step.step === 'within_72_hours');
	if (!within || within.share === null) return 'Return home interviews after missing episodes';
	const strict = steps.find((step) => step.step === 'within_2_days');
	// With no interview to take the strict share of, there is nothing to say beside (not "c": nothing is withheld).
	const beside =
		timing === 'hours' || !strict || strict.denominator === 0
			? ''
			: `; ${strict.share === null ? 'c' : formatPercent(strict.share)} within two days`;
	return `${formatPercent(within.share)} of accepted return home interviews were held within 72 hours (${titleDefinition[timing]}${beside})`;
}

/** One sentence: offered, accepted and held in time, with intervals. */
export function summariseReturnInterviews(steps: readonly InterviewShare[], timing: InterviewTiming): string {
	if (steps.length === 0 || steps.every((step) => step.denominator === 0))
		return 'No returns from missing episodes match the current filters.';
	const [offered, accepted, within, strict] = ['offered', 'accepted', 'within_72_hours', 'within_2_days'].map(
		(key) => steps.find((step) => step.step === key)
	);
	const held = `held ${withinDefinition(timing)} in ${describe(within)} of accepted interviews`;
	const strictly =
		timing === 'hours' ? '' : `, and on the day of return or one of the next two days in ${describe(strict)}`;
	return `A return home interview was offered after ${describe(offered)} of returns, accepted in ${describe(accepted)} of offers, ${held}${strictly}.`;
}
