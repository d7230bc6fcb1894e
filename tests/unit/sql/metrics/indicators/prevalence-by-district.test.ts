import { describe, expect, it } from 'vitest';
import {
	indicatorPrevalenceByDistrict,
	type DistrictPrevalence
} from '$lib/sql/metrics/indicators/prevalence-by-district';
import { engineWith } from '../../../../helpers/engine';
import { indicatorFixture } from './fixture';
import { answer } from '../../../../helpers/answer';
import { engineForFile } from '../../../../helpers/file-engine';

const engine = engineForFile(() => engineWith({ referrals: indicatorFixture }));

const cell = (rows: DistrictPrevalence[], district: string, indicator: string) => {
	const row = rows.find((candidate) => candidate.district === district && candidate.indicator === indicator);
	return row && [row.present, row.assessed, row.referrals];
};

describe('indicatorPrevalenceByDistrict', () => {
	it('counts each indicator per district; districts with no referrals are absent', async () => {
		const rows = await answer<DistrictPrevalence>(engine, indicatorPrevalenceByDistrict({}));
		expect(rows).toHaveLength(4 * 12);
		expect(cell(rows, 'fenland', 'ind_missing')).toEqual([2, 2, 2]);
		expect(cell(rows, 'fenland', 'ind_education')).toEqual([0, 1, 2]);
		expect(cell(rows, 'cambridge', 'ind_missing')).toEqual([0, 1, 2]);
		expect(cell(rows, 'cambridge', 'ind_gifts')).toEqual([1, 2, 2]);
		expect(cell(rows, 'peterborough', 'ind_relationships')).toEqual([0, 0, 1]);
		expect(cell(rows, 'south_cambridgeshire', 'ind_drugs')).toEqual([1, 1, 1]);
		expect(cell(rows, 'huntingdonshire', 'ind_drugs')).toBeUndefined();
	});

	it('keeps every district when a district filter is set (the heatmap highlights it)', async () => {
		const rows = await answer<DistrictPrevalence>(
			engine,
			indicatorPrevalenceByDistrict({ districts: ['fenland'], genders: ['male'] })
		);
		expect([...new Set(rows.map((row) => row.district))]).toEqual(['cambridge', 'fenland']);
		expect(cell(rows, 'fenland', 'ind_missing')).toEqual([1, 1, 1]);
	});
});
