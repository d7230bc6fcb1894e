import { formatCount, formatPercent } from '$lib/format/number';
import type { AgeGenderCount } from '$lib/sql/metrics/children/age-gender';
import { publishCounts, type Published } from '$lib/transform/publish-counts';
import { countPhrase, hidden } from './share';

/** The two sides of the pyramid. Other recorded genders are too few to chart and are counted in words. */
export const pyramidSides = [
	{ gender: 'male', label: 'Boys' },
	{ gender: 'female', label: 'Girls' }
] as const;

export interface PyramidPoint {
	age: number;
	gender: 'male' | 'female';
	genderLabel: string;
	/** Null when suppressed in publication mode. */
	referrals: number | null;
}

export interface AgePyramidView {
	/** Every age from the youngest to the oldest referred, for both sides (zeros included). */
	points: Published<PyramidPoint>[];
	title: string;
	summary: string;
	/** A sentence saying how many referrals with another recorded gender are not shown; '' when none. */
	otherNote: string;
}

/** The age at which the cumulative count first reaches a share of the total. */
function quantileAge(counts: ReadonlyMap<number, number>, total: number, share: number): number {
	let running = 0;
	const ages = [...counts.keys()].sort((a, b) => a - b);
	for (const age of ages) {
		running += counts.get(age)!;
		if (running >= share * total) return age;
	}
	return ages.at(-1)!;
}

function modeAge(points: readonly PyramidPoint[], gender: string): number | undefined {
	const side = points.filter((point) => point.gender === gender && point.referrals !== null);
	const best = side.reduce<PyramidPoint | undefined>(
		(top, point) => (top === undefined || point.referrals! > top.referrals! ? point : top),
		undefined
	);
	return best && best.referrals! > 0 ? best.age : undefined;
}

/**
 * The age × gender pyramid, its active title and its text summary. Everything comes from the rows as
 * published: in publication mode each age × gender count is perturbed (publication/), and the totals,
 * shares, quartiles and modal ages are computed from those published cells, never from true counts.
 */
export function agePyramidView(
	rows: readonly AgeGenderCount[],
	{ publication }: { publication: boolean }
): AgePyramidView {
	const total = rows.reduce((sum, row) => sum + row.referrals, 0);
	if (total === 0) {
		return {
			points: [],
			title: 'No referrals match the current filters',
			summary: 'No referrals match the current filters.',
			otherNote: ''
		};
	}
	const ages = rows.map((row) => row.age);
	const grid: PyramidPoint[] = [];
	for (let age = Math.min(...ages); age <= Math.max(...ages); age++) {
		for (const side of pyramidSides) {
			const referrals = rows
				.filter((row) => row.age === age && row.gender === side.gender)
				.reduce((sum, row) => sum + row.referrals, 0);
			grid.push({ age, gender: side.gender, genderLabel: side.label, referrals });
		}
	}
	// A second line only: the seam's published cells are never 1 to 5, so this withholds nothing from them.
	const shown: Published<PyramidPoint>[] = publication
		? publishCounts(grid, { count: 'referrals', rowKey: 'age', columnKey: 'gender' })
		: grid;
	const byAge = new Map<number, number>();
	for (const row of rows) byAge.set(row.age, (byAge.get(row.age) ?? 0) + row.referrals);
	const q1 = quantileAge(byAge, total, 0.25);
	const q3 = quantileAge(byAge, total, 0.75);
	const sideTotal = (gender: string) =>
		rows.filter((row) => row.gender === gender).reduce((sum, row) => sum + row.referrals, 0);
	const boys = sideTotal('male');
	const girls = sideTotal('female');
	const others = total - boys - girls;
	const ageRange = q1 === q3 ? `aged ${q1}` : `aged ${q1} to ${q3}`;
	const [major, majorCount] = boys >= girls ? ['boys', boys] : ['girls', girls];
	const title = hidden(majorCount, publication)
		? `Half of referred children are ${ageRange}`
		: `${formatPercent(majorCount / total)} of referrals are of ${major}; half are ${ageRange}`;
	const part = (count: number, who: string) =>
		hidden(count, publication)
			? `a small number were of ${who}`
			: `${formatCount(count)} (${formatPercent(count / total)}) were of ${who}`;
	const boysMode = modeAge(shown, 'male');
	const girlsMode = modeAge(shown, 'female');
	const modes = [
		boysMode !== undefined ? `${boysMode} for boys` : undefined,
		girlsMode !== undefined ? `${girlsMode} for girls` : undefined
	].filter(Boolean);
	const otherText =
		others > 0
			? ` (${countPhrase(others, publication)} with gender recorded as indeterminate or not recorded are not shown)`
			: '';
	const summary =
		`Of ${countPhrase(total, publication)} referrals, ${part(boys, 'boys')} and ${part(girls, 'girls')}${otherText}; ` +
		`half were ${ageRange} at referral` +
		(modes.length > 0 ? `, and the most common age was ${modes.join(' and ')}.` : '.');
	const otherNote =
		others === 0
			? ''
			: hidden(others, publication)
				? 'A small number of referrals with gender recorded as indeterminate or not recorded are not shown.'
				: `${formatCount(others)} referral${others === 1 ? '' : 's'} with gender recorded as indeterminate or not recorded ${others === 1 ? 'is' : 'are'} not shown.`;
	return { points: shown, title, summary, otherNote };
}
