import { sortedQuantile, type ProjectedBand } from './fit-projection';
import { seededRandom } from './seeded-random';

/** One kind in the current mix (e.g. an intervention kind) and how many had it in the recent period. */
export interface MixCount {
	readonly kind: string;
	readonly count: number;
}

export interface PlanningRow extends ProjectedBand {
	readonly kind: string;
	/** The recent count and share the plan is based on. */
	readonly current: number;
	readonly share: number;
}

/**
 * Expected numbers per kind next year: the projected total × the current mix, with 80% and 95% intervals
 * that carry both uncertainties. For each simulated next-year total (the projection's own draws), the shares
 * are drawn from their posterior given the recent counts (Dirichlet with Jeffreys' ½ added to each count)
 * and the total is split among the kinds by a multinomial draw. The point is the projected mean × the
 * observed share. Assumes the mix stays as it was; the table should say so.
 */
export function planningTable(
	totalPoint: number,
	totalDraws: Float64Array,
	mix: readonly MixCount[],
	seed = 20261206
): PlanningRow[] {
	const sum = mix.reduce((total, row) => total + row.count, 0);
	if (sum === 0 || mix.length === 0) return [];
	const random = seededRandom(seed);
	const draws = mix.map(() => new Float64Array(totalDraws.length));
	const shares = new Array<number>(mix.length).fill(0);
	for (let d = 0; d < totalDraws.length; d++) {
		let gammaTotal = 0;
		mix.forEach((row, k) => {
			shares[k] = random.gamma(row.count + 0.5);
			gammaTotal += shares[k]!;
		});
		// Multinomial as successive binomials on what is left.
		let left = totalDraws[d]!;
		let mass = 1;
		mix.forEach((_, k) => {
			const p = shares[k]! / gammaTotal;
			const n = k === mix.length - 1 ? left : random.binomial(left, Math.min(1, p / mass));
			draws[k]![d] = n;
			left -= n;
			mass -= p;
		});
	}
	return mix.map((row, k) => {
		const sorted = draws[k]!.sort();
		return {
			kind: row.kind,
			current: row.count,
			share: row.count / sum,
			point: (totalPoint * row.count) / sum,
			lower80: sortedQuantile(sorted, 0.1),
			upper80: sortedQuantile(sorted, 0.9),
			lower95: sortedQuantile(sorted, 0.025),
			upper95: sortedQuantile(sorted, 0.975)
		};
	});
}
