import { describe, expect, it } from 'vitest';
import { periodPresets } from '$lib/domain/period-presets';

describe('periodPresets', () => {
	it('uses complete months and financial quarters before the data’s last date', () => {
		const presets = Object.fromEntries(periodPresets('2026-11-15').map((preset) => [preset.id, preset]));
		expect(presets['last-12-months']).toMatchObject({ from: '2025-11-01', to: '2026-10-31' });
		expect(presets['latest-quarter']).toMatchObject({
			from: '2026-07-01',
			to: '2026-09-30',
			label: 'Latest quarter (July–September 2026)'
		});
		expect(presets['financial-year-to-date']).toMatchObject({ from: '2026-04-01', to: '2026-11-15' });
		expect(presets['previous-financial-year']).toMatchObject({ from: '2025-04-01', to: '2026-03-31' });
	});

	it('treats a last date at the end of a month as a complete month', () => {
		const presets = Object.fromEntries(periodPresets('2025-03-31').map((preset) => [preset.id, preset]));
		expect(presets['last-12-months']).toMatchObject({ from: '2024-04-01', to: '2025-03-31' });
		expect(presets['latest-quarter']).toMatchObject({
			from: '2025-01-01',
			to: '2025-03-31',
			label: 'Latest quarter (January–March 2025)'
		});
	});
});
