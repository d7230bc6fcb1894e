import type { DisclosureSymbol } from '$lib/publication/withheld';
import type { ReturnInterviewRow } from '$lib/sql/metrics/missing/return-interviews';
import { wilsonInterval } from '$lib/stats';
import { shareWithheld } from '$lib/publication/share-base';

export interface InterviewShare {
	step: 'offered' | 'accepted' | 'within_72_hours' | 'within_2_days';
	label: string;
	/** What the share is out of, in words. */
	of: string;
	numerator: number | null;
	denominator: number | null;
	share: number | null;
	lower: number | null;
	upper: number | null;
	suppressed?: Record<string, DisclosureSymbol>;
}

const steps = [
	{
		step: 'offered',
		label: 'Offered (of returns)',
		of: 'returns with the offer recorded',
		n: 'offered',
		d: 'offer_recorded'
	},
	{ step: 'accepted', label: 'Accepted (of offers)', of: 'interviews offered', n: 'accepted', d: 'offered' },
	{
		step: 'within_72_hours',
		label: 'Within 72 hours (of accepted)',
		of: 'interviews accepted',
		n: 'within_72_hours',
		d: 'accepted'
	},
	{
		step: 'within_2_days',
		label: 'Within 2 days, strict (of accepted)',
		of: 'interviews accepted',
		n: 'within_2_days',
		d: 'accepted'
	}
] as const;

/**
 * How "within 72 hours" was measured: 'dates' (no accepted interview has both times: day of return or one of
 * the next three calendar days), 'hours' (every one has: exact hours), 'mixed' (exact hours where timed).
 */
export type InterviewTiming = 'dates' | 'hours' | 'mixed';

export function interviewTiming(
	row: Pick<ReturnInterviewRow, 'timed' | 'held'> | undefined
): InterviewTiming {
	if (!row || row.timed === 0) return 'dates';
	return row.timed >= row.held ? 'hours' : 'mixed';
}

/**
 * The return home interview steps as shares with 95% Wilson intervals: offered (of returns with the offer
 * recorded), accepted (of offers), held within 72 hours of the return (of accepted interviews), and the strict
 * reading, within 2 days, beside it (the two agree where times are recorded). In publication mode both
 * counts are perturbed independently (publication/): the share is computed from them (at most 100%) and
 * withheld ("c") when the published denominator is too small to mean anything.
 */
export function interviewShares(
	row: ReturnInterviewRow | undefined,
	{ publication }: { publication: boolean }
): InterviewShare[] {
	if (!row) return [];
	return steps.map(({ step, label, of, n, d }) => {
		const numerator = row[n];
		const denominator = row[d];
		const part = Math.min(numerator, denominator);
		const interval = wilsonInterval(Math.min(part, denominator), denominator);
		if (shareWithheld(denominator, publication)) {
			const suppressed: Record<string, DisclosureSymbol> = { share: 'c', lower: 'c', upper: 'c' };
			return {
				step,
				label,
				of,
				numerator,
				denominator,
				share: null,
				lower: null,
				upper: null,
				suppressed
			};
		}
		return {
			step,
			label,
			of,
			numerator,
			denominator,
			share: denominator > 0 ? part / denominator : null,
			lower: interval?.lower ?? null,
			upper: interval?.upper ?? null
		};
	});
}
