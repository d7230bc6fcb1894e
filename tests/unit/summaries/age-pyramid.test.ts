import { describe, expect, it } from 'vitest';
import { agePyramidView } from '$lib/summaries/age-pyramid';

const rows = [
	{ age: 13, gender: 'male', referrals: 10 },
	{ age: 14, gender: 'male', referrals: 30 },
	{ age: 15, gender: 'male', referrals: 40 },
	{ age: 15, gender: 'female', referrals: 12 },
	{ age: 16, gender: 'female', referrals: 3 },
	{ age: 16, gender: 'not_recorded', referrals: 5 }
];

describe('agePyramidView', () => {
	it('fills every age for both sides and states the gender split and middle half of ages', () => {
		const view = agePyramidView(rows, { publication: false });
		expect(view.points.map((point) => [point.age, point.gender, point.referrals])).toEqual([
			[13, 'male', 10],
			[13, 'female', 0],
			[14, 'male', 30],
			[14, 'female', 0],
			[15, 'male', 40],
			[15, 'female', 12],
			[16, 'male', 0],
			[16, 'female', 3]
		]);
		// 100 referrals: cumulative 10, 40 (≥ 25 at 14), 92 (≥ 75 at 15).
		expect(view.title).toBe('80.0% of referrals are of boys; half are aged 14 to 15');
		expect(view.summary).toBe(
			'Of 100 referrals, 80 (80.0%) were of boys and 15 (15.0%) were of girls (5 with gender recorded as indeterminate or not recorded are not shown); half were aged 14 to 15 at referral, and the most common age was 15 for boys and 15 for girls.'
		);
		expect(view.otherNote).toBe(
			'5 referrals with gender recorded as indeterminate or not recorded are not shown.'
		);
	});

	it('has an empty state', () => {
		expect(agePyramidView([], { publication: false }).title).toBe('No referrals match the current filters');
	});
});

describe('agePyramidView under a gender filter', () => {
	it('describes the chosen gender only, never the majority of the dimmed side', () => {
		const view = agePyramidView(rows, { publication: false, genders: ['female'] });
		// Girls: 12 at 15 and 3 at 16; cumulative 12 (≥ 3.75 at 15), 15 (≥ 11.25 at 15).
		expect(view.title).toBe('Half of referrals of girls are aged 15');
		expect(view.summary).toBe(
			'Of 15 referrals of girls, half were aged 15 at referral, and the most common age was 15.'
		);
		expect(view.title).not.toContain('boys');
		expect(view.otherNote).toContain('describe girls only');
		// Both sides are still drawn, for comparison.
		expect(view.points).toEqual(agePyramidView(rows, { publication: false }).points);
	});
});
