import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables } from '$lib/contract';
import type { Engine } from '$lib/engine/engine';
import { filteredRows } from '$lib/sql/metrics/export/filtered-rows';
import { engineWith, episode, referral } from '../../../../helpers/engine';

let engine: Engine;
beforeAll(async () => {
	engine = await engineWith({
		referrals: [
			referral({ referral_id: 'R2', child_id: 'A', referral_date: '2024-03-01', district: 'fenland' }),
			referral({ referral_id: 'R1', child_id: 'B', referral_date: '2024-02-01', district: 'fenland' }),
			referral({ referral_id: 'R3', child_id: 'C', referral_date: '2024-02-01', district: 'cambridge' }),
			referral({ referral_id: 'R4', child_id: 'D', referral_date: '2024-02-01', gender: 'female' })
		],
		missing_episodes: [
			episode({ episode_id: 'E1', child_id: 'A', district: 'fenland' }),
			episode({ episode_id: 'E2', child_id: 'C', district: 'cambridge' })
		]
	});
});
afterAll(() => engine.close());

describe('filteredRows', () => {
	it('returns the rows the filters select, in date order, with the contract columns and no others', async () => {
		const rows = await engine.query<Record<string, unknown>>(
			filteredRows({ districts: ['fenland'], genders: ['male'] }, 'referrals')
		);
		expect(rows.map((row) => row['referral_id'])).toEqual(['R1', 'R2']);
		expect(Object.keys(rows[0]!)).toEqual(tables.referrals.fields.map((field) => field.name));
		expect(rows[0]).toMatchObject({ referral_date: '2024-02-01', district: 'fenland', looked_after: false });
	});

	it('applies to missing episodes the filters an episode has, and ignores the rest', async () => {
		const rows = await engine.query<Record<string, unknown>>(
			filteredRows({ districts: ['cambridge'], genders: ['female'] }, 'missing_episodes')
		);
		expect(rows.map((row) => row['episode_id'])).toEqual(['E2']);
		expect(Object.keys(rows[0]!)).toEqual(tables.missing_episodes.fields.map((field) => field.name));
	});
});
