import { describe, expect, it } from 'vitest';
import {
	districtEpisodeRates,
	type DistrictEpisodeRateRow
} from '$lib/sql/metrics/missing/district-episode-rates';
import { engineWith, episode } from '../../../../helpers/engine';
import { answer } from '../../../../helpers/answer';
import {
	districtEpisodeRateTitle,
	episodeRates
} from '../../../../../src/routes/missing/district-episode-rate';
import { engineForFile } from '../../../../helpers/file-engine';

// Peterborough (57,621 children aged 0–17 in 2024) has the most episodes, 4, one of them of a 19-year-old;
// East Cambridgeshire (19,513) has 3, so the higher rate. Fenland has one in 2023, outside the period.
const rows = [
	episode({ episode_id: 'P1', child_id: 'P', district: 'peterborough', start_date: '2024-02-01' }),
	episode({ episode_id: 'P2', child_id: 'P', district: 'peterborough', start_date: '2024-03-01' }),
	episode({ episode_id: 'P3', child_id: 'Q', district: 'peterborough', start_date: '2024-04-01' }),
	episode({
		episode_id: 'P4',
		child_id: 'R',
		district: 'peterborough',
		start_date: '2024-05-01',
		age_at_start: 19
	}),
	episode({ episode_id: 'E1', child_id: 'E', district: 'east_cambridgeshire', start_date: '2024-02-01' }),
	episode({ episode_id: 'E2', child_id: 'E', district: 'east_cambridgeshire', start_date: '2024-06-01' }),
	episode({
		episode_id: 'E3',
		child_id: "F'x",
		district: 'east_cambridgeshire',
		start_date: '2024-07-01',
		looked_after: true
	}),
	episode({
		episode_id: 'F1',
		child_id: 'G',
		district: 'fenland',
		start_date: '2023-12-01',
		end_date: '2023-12-02',
		rhi_date: null
	})
];

const engine = engineForFile(() => engineWith({ missing_episodes: rows }));

const year2024 = { from: '2024-01-01', to: '2024-12-31' };
const byDistrict = (result: DistrictEpisodeRateRow[], code: string) =>
	result.find((row) => row.district === code)!;

describe('districtEpisodeRates', () => {
	it('counts episodes in the period and the 0–17 numerator per district, with person-years', async () => {
		const result = await answer<DistrictEpisodeRateRow>(engine, districtEpisodeRates({}, year2024));
		expect(result).toHaveLength(6);
		expect(byDistrict(result, 'peterborough')).toMatchObject({ episodes: 4, episodes_0_17: 3 });
		expect(byDistrict(result, 'east_cambridgeshire')).toMatchObject({ episodes: 3, episodes_0_17: 3 });
		expect(byDistrict(result, 'fenland')).toMatchObject({ episodes: 0, episodes_0_17: 0 });
		expect(byDistrict(result, 'peterborough').person_years_0_17).toBeCloseTo(57621, 6);
		expect(byDistrict(result, 'east_cambridgeshire').person_years_0_17).toBeCloseTo(19513, 6);
	});

	it('ignores the district filter but applies looked-after status', async () => {
		const result = await answer<DistrictEpisodeRateRow>(
			engine,
			districtEpisodeRates({ districts: ['fenland'], lookedAfter: true }, year2024)
		);
		expect(byDistrict(result, 'east_cambridgeshire').episodes).toBe(1);
		expect(byDistrict(result, 'peterborough').episodes).toBe(0);
	});

	it('names the district with the highest rate, not the one with the most episodes', async () => {
		const result = await answer<DistrictEpisodeRateRow>(engine, districtEpisodeRates({}, year2024));
		const rates = episodeRates(result, (code) => code.replace('_', ' '));
		expect(rates[0]!.name).toBe('east cambridgeshire');
		// 3 / 19,513 × 10,000 = 1.537…
		expect(districtEpisodeRateTitle(rates)).toBe(
			'east cambridgeshire has the highest rate of missing episodes: 1.5 per 10,000 children a year (3 episodes)'
		);
	});
});

describe('districtEpisodeRateTitle', () => {
	it('says a tie as a tie', () => {
		expect(
			districtEpisodeRateTitle([
				{ name: 'Fenland', rate: 2.04, episodes: 4 },
				{ name: 'Cambridge', rate: 1.96, episodes: 5 },
				{ name: 'Peterborough', rate: 1.2, episodes: 7 }
			])
		).toBe(
			'Fenland and Cambridge share the highest rate of missing episodes: 2.0 per 10,000 children a year each'
		);
	});
	it('falls back to a plain title when no district has an episode', () => {
		expect(districtEpisodeRateTitle([{ name: 'Fenland', rate: 0, episodes: 0 }])).toBe(
			'Missing episodes by district'
		);
	});
});
