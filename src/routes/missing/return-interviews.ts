import { formatPercent } from '$lib/format/number';
import type { InterviewShare } from './return-interview-shares';

const describe = (step: InterviewShare | undefined) =>
	!step || step.share === null
		? 'c (suppressed or none)'
		: `${formatPercent(step.share)} (95% interval ${formatPercent(step.lower!)} to ${formatPercent(step.upper!)})`;

/** Active title: the share of accepted interviews held within 72 hours. */
export function returnInterviewsTitle(steps: readonly InterviewShare[]): string {
	const within = steps.find((step) => step.step === 'within_72_hours');
	if (!within || within.share === null) return 'Return home interviews after missing episodes';
	return `${formatPercent(within.share)} of accepted return home interviews were held within 72 hours`;
}

/** One sentence: offered, accepted and held in time, with intervals. */
export function summariseReturnInterviews(steps: readonly InterviewShare[]): string {
	if (steps.length === 0 || steps.every((step) => step.denominator === 0))
		return 'No returns from missing episodes match the current filters.';
	const [offered, accepted, within] = ['offered', 'accepted', 'within_72_hours'].map((key) =>
		steps.find((step) => step.step === key)
	);
	return `A return home interview was offered after ${describe(offered)} of returns, accepted in ${describe(accepted)} of offers, and held within 72 hours of the return in ${describe(within)} of accepted interviews.`;
}
