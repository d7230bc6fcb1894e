import { describe, expect, it } from 'vitest';
import { incompleteLastMonth } from '$lib/transform/incomplete-month';

describe('incompleteLastMonth', () => {
	it('is the period’s last month unless the period ends on its last day', () => {
		expect(incompleteLastMonth('2026-11-15')).toBe('2026-11-01');
		expect(incompleteLastMonth('2026-10-31')).toBeUndefined();
		expect(incompleteLastMonth('2024-02-29')).toBeUndefined();
		expect(incompleteLastMonth('2024-02-28')).toBe('2024-02-01');
	});
});
