import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '$lib/engine/engine';
import { referralsByAgeAndGender, type AgeGenderCount } from '$lib/sql/metrics/children/age-gender';
import { engineWith, referral } from '../../../../helpers/engine';
import { childrenFixture } from './fixture';
import { answer } from '../../../../helpers/answer';

let engine: Engine;
beforeAll(async () => {
	engine = await engineWith({
		referrals: [
			...childrenFixture,
			referral({ referral_id: 'R7', child_id: 'F', age_at_referral: 16, gender: 'male' })
		]
	});
});
afterAll(() => engine.close());

describe('referralsByAgeAndGender', () => {
	it('counts referrals by single year of age and gender', async () => {
		const rows = await answer<AgeGenderCount>(engine, referralsByAgeAndGender({}));
		expect(rows).toEqual([
			{ age: 12, gender: 'male', referrals: 1 },
			{ age: 13, gender: 'indeterminate', referrals: 1 },
			{ age: 14, gender: 'female', referrals: 1 },
			{ age: 15, gender: 'female', referrals: 1 },
			{ age: 16, gender: 'male', referrals: 2 },
			{ age: 17, gender: 'male', referrals: 1 }
		]);
	});

	it('applies the other filters but not the gender filter, which the pyramid highlights instead', async () => {
		const rows = await answer<AgeGenderCount>(
			engine,
			referralsByAgeAndGender({ districts: ['cambridge'], genders: ['male'] })
		);
		expect(rows).toEqual([
			{ age: 14, gender: 'female', referrals: 1 },
			{ age: 15, gender: 'female', referrals: 1 }
		]);
	});
});
