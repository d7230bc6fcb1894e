import { describe, expect, it } from 'vitest';
import { riskLevelsByYear, type RiskLevelYear } from '$lib/sql/metrics/indicators/risk-levels';
import { engineWith } from '../../../../helpers/engine';
import { indicatorFixture } from './fixture';
import { answer } from '../../../../helpers/answer';
import { engineForFile } from '../../../../helpers/file-engine';

const engine = engineForFile(() => engineWith({ referrals: indicatorFixture }));

describe('riskLevelsByYear', () => {
	it('counts referrals by overall risk level per financial year', async () => {
		const rows = await answer<RiskLevelYear>(engine, riskLevelsByYear({}));
		expect(rows).toEqual([
			{ year: 2023, risk_level: 'high', referrals: 1 },
			{ year: 2023, risk_level: 'low', referrals: 1 },
			{ year: 2023, risk_level: 'medium', referrals: 1 },
			{ year: 2024, risk_level: 'high', referrals: 1 },
			{ year: 2024, risk_level: 'low', referrals: 1 },
			{ year: 2024, risk_level: 'not_assessed', referrals: 1 }
		]);
	});

	it('ignores the risk-level filter (the chart highlights it) but applies the others', async () => {
		const rows = await answer<RiskLevelYear>(
			engine,
			riskLevelsByYear({ riskLevels: ['low'], genders: ['male'] })
		);
		expect(rows).toEqual([
			{ year: 2023, risk_level: 'high', referrals: 1 },
			{ year: 2024, risk_level: 'low', referrals: 1 },
			{ year: 2024, risk_level: 'not_assessed', referrals: 1 }
		]);
	});
});
