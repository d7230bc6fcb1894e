import { formatCount, formatPercent } from '$lib/format/number';
import type { AgeGenderCount } from '$lib/sql/metrics/children/age-gender';
import type { Published } from '$lib/publication/withheld';
import { countPhrase, countNounPhrase, hidden } from './share';

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
	{ publication, genders }: { publication: boolean; genders?: readonly string[] | undefined }
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
	const shown: Published<PyramidPoint>[] = grid;
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
	if (genders !== undefined) {
		// The gender filter chooses whom the sentence is about: the dimmed side is context, not the finding.
		const chosen = rows.filter((row) => genders.includes(row.gender));
		const n = chosen.reduce((sum, row) => sum + row.referrals, 0);
		const who = genderWords(genders);
		const filterNote = `Under the gender filter the title and summary describe ${who} only; the other side is drawn dimmed for comparison.`;
		if (n === 0)
			return {
				points: shown,
				title: `No referrals of ${who} match the current filters`,
				summary: `No referrals of ${who} match the current filters.`,
				otherNote: filterNote
			};
		const chosenByAge = new Map<number, number>();
		for (const row of chosen) chosenByAge.set(row.age, (chosenByAge.get(row.age) ?? 0) + row.referrals);
		const low = quantileAge(chosenByAge, n, 0.25);
		const high = quantileAge(chosenByAge, n, 0.75);
		const range = low === high ? `aged ${low}` : `aged ${low} to ${high}`;
		const mode = genders.length === 1 ? modeAge(shown, genders[0]!) : undefined;
		return {
			points: shown,
			title: `Half of referrals of ${who} are ${range}`,
			summary: `Of ${countNounPhrase(n, publication, 'referral')} of ${who}, half were ${range} at referral${mode !== undefined ? `, and the most common age was ${mode}` : ''}.`,
			otherNote: filterNote
		};
	}
	const summary =
		`Of ${countNounPhrase(total, publication, 'referral')}, ${part(boys, 'boys')} and ${part(girls, 'girls')}${otherText}; ` +
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

const genderWord: Record<string, string> = {
	male: 'boys',
	female: 'girls',
	indeterminate: 'children of indeterminate gender',
	not_recorded: 'children with gender not recorded'
};

/** "girls", "boys and girls": the genders a filter chose, in words. */
function genderWords(genders: readonly string[]): string {
	const words = genders.map((gender) => genderWord[gender] ?? gender);
	return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}
