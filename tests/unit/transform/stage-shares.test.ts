import { describe, expect, it } from 'vitest';
import type { PathwayFunnelRow } from '$lib/sql/metrics/pathway/pathway-funnel';
import { wilsonInterval } from '$lib/stats';
import { stageShares } from '$lib/transform/stage-shares';

const stages = [
	'mash_referral',
	'checklist_completed',
	'central_list',
	'mase_discussed',
	'risk_tool_completed'
];
const group = (name: string, reached: number[]): PathwayFunnelRow[] =>
	reached.map((value, index) => ({
		group: name,
		stage: stages[index]!,
		stage_index: index,
		reached: value,
		recorded: reached[0]!,
		not_recorded: 0
	}));

describe('stageShares', () => {
	it('gives each stage’s share of referrals with a stage recorded, with Wilson intervals and labels', () => {
		const shares = stageShares(group('', [200, 180, 120, 70, 40]));
		expect(shares.map((share) => share.share)).toEqual([1, 0.9, 0.6, 0.35, 0.2]);
		expect(shares[3]!.lower).toBe(wilsonInterval(70, 200)!.lower);
		expect(shares[2]!.stageLabel).toBe('Added to the central list');
	});
});
