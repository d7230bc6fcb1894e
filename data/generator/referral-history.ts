import { districts } from '../../src/lib/contract';
import type { ChildStore } from './child-store';
import { addYears, ageOn } from './day-number';
import { GrowableArray } from './growable-array';
import type { Prng } from './prng';
import { bernoulli, logistic } from './samplers';

/** A re-referral comes at least this many days after the previous referral. */
const MIN_DAYS_BETWEEN_REFERRALS = 7;
/** Children older than this are no longer re-referred. */
const OLDEST_REPEAT_AGE = 19;

/** Referrals per district in date order, for choosing whom a re-referral is about. */
export class ReferralHistory {
	readonly #day = districts.codes.map(() => new GrowableArray(Int32Array));
	readonly #child = districts.codes.map(() => new GrowableArray(Int32Array));

	add(district: number, day: number, child: number): void {
		this.#day[district]?.push(day);
		this.#child[district]?.push(child);
	}

	/**
	 * A child of the district referred in the 12 months before `day` (and at least a week before it), or -1.
	 * Children with more recent referrals and higher latent risk are likelier to be re-referred.
	 */
	pickRepeat(rng: Prng, children: ChildStore, district: number, day: number): number {
		const days = this.#day[district];
		const kids = this.#child[district];
		if (!days || !kids) return -1;
		const from = lowerBound(days.view(), addYears(day, -1));
		const to = lowerBound(days.view(), day - MIN_DAYS_BETWEEN_REFERRALS + 1);
		if (to <= from) return -1;
		for (let attempt = 0; attempt < 8; attempt++) {
			const child = kids.get(from + Math.floor(rng() * (to - from)));
			if (ageOn(children.birth.get(child), day) > OLDEST_REPEAT_AGE) continue;
			if (bernoulli(rng, 0.3 + 0.7 * logistic(1.2 * children.risk.get(child)))) return child;
		}
		return -1;
	}
}

/** First index whose value is ≥ target in an ascending array. */
function lowerBound(values: Int32Array, target: number): number {
	let lo = 0;
	let hi = values.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if ((values[mid] ?? 0) < target) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}
