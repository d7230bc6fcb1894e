import { describe, expect, it } from 'vitest';
import { referralsByEthnicity, type EthnicityCount } from '$lib/sql/metrics/children/ethnicity';
import { engineWith } from '../../../../helpers/engine';
import { childrenFixture } from './fixture';
import { answer } from '../../../../helpers/answer';
import { engineForFile } from '../../../../helpers/file-engine';

const engine = engineForFile(() => engineWith({ referrals: childrenFixture }));

describe('referralsByEthnicity', () => {
	it('counts referrals by ONS ethnic group, unknown included', async () => {
		const rows = await answer<EthnicityCount>(engine, referralsByEthnicity({}));
		expect(rows).toEqual([
			{ ethnicity: 'asian', referrals: 1 },
			{ ethnicity: 'mixed', referrals: 1 },
			{ ethnicity: 'unknown', referrals: 1 },
			{ ethnicity: 'white', referrals: 3 }
		]);
	});

	it('ignores the ethnicity filter (the chart highlights it) but applies the others', async () => {
		const rows = await answer<EthnicityCount>(
			engine,
			referralsByEthnicity({ ethnicities: ['asian'], genders: ['male'] })
		);
		expect(rows).toEqual([
			{ ethnicity: 'unknown', referrals: 1 },
			{ ethnicity: 'white', referrals: 2 }
		]);
	});
});
