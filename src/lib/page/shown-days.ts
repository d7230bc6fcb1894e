import { shownPeriod } from '$lib/domain/shown-period';
import { formatDayRange } from '$lib/format/date';
import { definePage } from './define-page';

/**
 * A page definition that starts with the days it shows: the filters' period within the data, kept as
 * strings (`first`, `last`) so that steps reading them re-run only when a day changes, and that range in
 * words (`period`, empty until data is loaded).
 */
export function definePageOverShownDays() {
	return definePage()
		.derive(
			'first',
			({ filters, extent }) => shownPeriod(filters, extent?.first_referral, extent?.last_referral)?.first
		)
		.derive(
			'last',
			({ filters, extent }) => shownPeriod(filters, extent?.first_referral, extent?.last_referral)?.last
		)
		.derive('period', ({ first, last }) => (first && last ? formatDayRange(first, last) : ''));
}
