import { describe, expect, it } from 'vitest';
import {
	indicatorPrevalenceByAgeAndGender,
	type AgeGenderPrevalence
} from '$lib/sql/metrics/indicators/prevalence-by-age-gender';
import { engineWith } from '../../../../helpers/engine';
import { indicatorFixture } from './fixture';
import { answer } from '../../../../helpers/answer';
import { engineForFile } from '../../../../helpers/file-engine';

const engine = engineForFile(() => engineWith({ referrals: indicatorFixture }));

describe('indicatorPrevalenceByAgeAndGender', () => {
	it('counts each indicator per age band and gender', async () => {
		const rows = await answer<AgeGenderPrevalence>(engine, indicatorPrevalenceByAgeAndGender({}));
		const groups = [...new Set(rows.map((row) => `${row.age_band} ${row.gender}`))];
		expect(groups).toEqual(['0-9 not_recorded', '10-12 female', '13-14 female', '15-16 male', '17 male']);
		const boys1516 = rows.filter((row) => row.age_band === '15-16' && row.gender === 'male');
		const of = (indicator: string) => boys1516.find((row) => row.indicator === indicator);
		expect(of('ind_missing')).toMatchObject({ present: 1, assessed: 1, referrals: 2 });
		expect(of('ind_drugs')).toMatchObject({ present: 2, assessed: 2, referrals: 2 });
		expect(of('ind_gifts')).toMatchObject({ present: 2, assessed: 2, referrals: 2 });
	});

	it('keeps every age band when an age-band filter is set (the chart highlights it)', async () => {
		const rows = await answer<AgeGenderPrevalence>(
			engine,
			indicatorPrevalenceByAgeAndGender({ ageBands: ['17'], districts: ['cambridge'] })
		);
		expect([...new Set(rows.map((row) => row.age_band))]).toEqual(['15-16', '17']);
	});
});
