import type { Filters } from '$lib/domain/filters';
import { presentMask } from '../../derived';
import { sql, type Sql } from '../../sql';
import { keyedAs, partialOf, summedCount } from '../../keyed-count';
import { masks, overMasks } from './mask-counts';

export interface IndicatorsPerReferral {
	/** How many of the 12 indicators are present (0–12). */
	indicators: number;
	referrals: number;
}

/**
 * The distribution of the number of indicators present per referral. Counts with no referrals are absent.
 * Summed from the referrals per presence bitmask (`maskCounts`), the number being the mask's bits: the counts
 * the combinations and pairs charts start from, so the page counts the masks once for the three.
 */
export function indicatorsPerReferral(filters: Filters): Sql {
	return overMasks(filters, perReferralOfMasks());
}

/** `indicatorsPerReferral` as a query over the mask counts (`masks`). */
export function perReferralOfMasks(): Sql {
	const mask = partialOf('referrals');
	return sql`SELECT CAST(bit_count(${presentMask}) AS INTEGER) AS indicators, ${keyedAs('referrals', summedCount(mask.count, mask.keySum))}
FROM ${masks}
GROUP BY ALL
ORDER BY indicators`.publishing('indicators');
}
