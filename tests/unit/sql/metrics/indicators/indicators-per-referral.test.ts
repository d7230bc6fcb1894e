import { describe, expect, it } from 'vitest';
import {
	indicatorsPerReferral,
	type IndicatorsPerReferral
} from '$lib/sql/metrics/indicators/indicators-per-referral';
import { engineWith } from '../../../../helpers/engine';
import { indicatorFixture } from './fixture';
import { answer } from '../../../../helpers/answer';
import { engineForFile } from '../../../../helpers/file-engine';

const engine = engineForFile(() => engineWith({ referrals: indicatorFixture }));

describe('indicatorsPerReferral', () => {
	it('counts referrals by how many indicators are present (not assessed and blank count as absent)', async () => {
		const rows = await answer<IndicatorsPerReferral>(engine, indicatorsPerReferral({}));
		expect(rows).toEqual([
			{ indicators: 0, referrals: 1 },
			{ indicators: 2, referrals: 3 },
			{ indicators: 3, referrals: 2 }
		]);
	});

	it('applies the filters', async () => {
		const rows = await answer<IndicatorsPerReferral>(engine, indicatorsPerReferral({ riskLevels: ['high'] }));
		expect(rows).toEqual([{ indicators: 3, referrals: 2 }]);
	});
});
