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
		const shares = stageShares(group('', [200, 180, 120, 70, 40]), { publication: false });
		expect(shares.map((share) => share.share)).toEqual([1, 0.9, 0.6, 0.35, 0.2]);
		expect(shares[3]!.lower).toBe(wilsonInterval(70, 200)!.lower);
		expect(shares[2]!.stageLabel).toBe('Added to the central list');
	});

	it('in publication mode protects each stage across groups, and hides every share of a small group', () => {
		const rows = [
			...group('a', [100, 90, 60, 30, 3]),
			...group('b', [80, 70, 50, 20, 10]),
			...group('c', [4, 4, 2, 1, 0])
		];
		const shares = stageShares(rows, { publication: true });
		const of = (name: string, stage: string) =>
			shares.find((share) => share.group === name && share.stage === stage)!;
		expect(of('a', 'risk_tool_completed')).toMatchObject({ reached: null, share: null });
		// Secondary suppression in the risk-tool column: the next smallest non-zero cell goes too.
		expect(of('b', 'risk_tool_completed').reached).toBeNull();
		expect(of('a', 'central_list')).toMatchObject({ reached: 60, share: 0.6 });
		// Group c has 4 referrals: every share would reveal it.
		expect(shares.filter((share) => share.group === 'c').every((share) => share.share === null)).toBe(true);
		expect(of('c', 'central_list').suppressed?.recorded).toBe('c');
	});
});
