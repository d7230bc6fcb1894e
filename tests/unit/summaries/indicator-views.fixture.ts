import { indicatorColumns, type IndicatorColumn } from '$lib/contract';

/** One prevalence row per indicator: `present` of `assessed`, from a table of overrides (default 0 of 100). */
export function prevalenceRows(
	given: Partial<Record<IndicatorColumn, [number, number]>>,
	referrals = 100
): { indicator: IndicatorColumn; present: number; assessed: number; referrals: number }[] {
	return indicatorColumns.map((indicator) => {
		const [present, assessed] = given[indicator] ?? [0, 100];
		return { indicator, present, assessed, referrals };
	});
}
