import { describe, expect, it } from 'vitest';
import type { PathwayFunnelRow } from '$lib/sql/metrics/pathway/pathway-funnel';
import {
	interventionMixTitle,
	summariseInterventionMix
} from '../../../../src/routes/pathway/intervention-mix';
import { latestQuarterComparison } from '../../../../src/routes/pathway/latest-quarter';
import { nrmTitle, summariseNrm } from '../../../../src/routes/pathway/nrm';
import { pathwayFunnelTitle, summarisePathwayFunnel } from '../../../../src/routes/pathway/pathway-funnel';
import {
	incompleteQuarter,
	quarterLabel,
	quarterYearEarlier
} from '../../../../src/routes/pathway/quarter-label';
import { rereferralTitle, summariseRereferral } from '../../../../src/routes/pathway/rereferral';
import {
	stageByDistrictTitle,
	summariseStageByDistrict,
	type GroupStageShare
} from '../../../../src/routes/pathway/stage-by-district';
import { interventionShares } from '../../../../src/routes/pathway/intervention-shares';
import { stageShares } from '../../../../src/routes/pathway/stage-shares';
import { withProportions } from '$lib/transform/proportions';

const stages = [
	'mash_referral',
	'checklist_completed',
	'central_list',
	'mase_discussed',
	'risk_tool_completed'
];
const funnelRows = (group: string, reached: number[]): PathwayFunnelRow[] =>
	reached.map((value, index) => ({
		group,
		stage: stages[index]!,
		stage_index: index,
		reached: value,
		recorded: reached[0]!,
		not_recorded: 3
	}));

describe('pathway funnel', () => {
	it('states how far referrals go', () => {
		const shares = stageShares(funnelRows('', [200, 180, 120, 70, 40]), { publication: false });
		expect(pathwayFunnelTitle(shares)).toBe(
			'60.0% of referrals reached the central list and 35.0% were discussed at MASE'
		);
		expect(summarisePathwayFunnel(shares, 3)).toBe(
			'Of 200 referrals to the MASH with a stage recorded (3 with no stage recorded are left out): 90.0% had the Child Exploitation Checklist completed, 60.0% were added to the central list, 35.0% were discussed at MASE and 20.0% had the risk management tool completed.'
		);
		expect(summarisePathwayFunnel([], 0)).toBe(
			'No referrals with a pathway stage match the current filters.'
		);
	});
});

describe('stage by district', () => {
	it('names districts significantly above or below the partnership on a funnel', () => {
		const shares: GroupStageShare[] = [
			...stageShares(funnelRows('a', [400, 380, 300, 250, 100]), { publication: false }).map((share) => ({
				...share,
				groupLabel: 'Fenland'
			})),
			...stageShares(funnelRows('b', [400, 380, 200, 100, 50]), { publication: false }).map((share) => ({
				...share,
				groupLabel: 'Cambridge'
			})),
			...stageShares(funnelRows('c', [400, 380, 250, 175, 80]), { publication: false }).map((share) => ({
				...share,
				groupLabel: 'Huntingdonshire'
			}))
		];
		expect(stageByDistrictTitle(shares, 'mase_discussed', 'Discussion at MASE')).toBe(
			'Discussion at MASE ranges from 25.0% of referrals in Cambridge to 62.5% in Fenland'
		);
		expect(summariseStageByDistrict(shares, 'mase_discussed', 'Discussed at MASE')).toBe(
			'Discussed at MASE: 43.8% of referrals across the partnership; significantly higher in Fenland; significantly lower in Cambridge (funnel plot, 99.8% limits).'
		);
	});
});

describe('quarters', () => {
	it('labels quarters and finds an incomplete last quarter', () => {
		expect(quarterLabel('2025-07-01')).toBe('Jul–Sept 2025');
		expect(incompleteQuarter('2026-11-15')).toBe('2026-10-01');
		expect(incompleteQuarter('2026-09-30')).toBeUndefined();
		expect(quarterYearEarlier('2026-07-01')).toBe('2025-07-01');
	});

	it('compares the latest complete quarter with a year earlier', () => {
		const point = (period: string, numerator: number, denominator: number, incomplete = false) => ({
			period,
			series: 'mase',
			numerator,
			denominator,
			incomplete
		});
		const points = [
			point('2025-07-01', 40, 100),
			point('2026-04-01', 30, 100),
			point('2026-07-01', 20, 100),
			point('2026-10-01', 1, 10, true)
		];
		expect(latestQuarterComparison(points, 'mase', 'were discussed at MASE')).toMatch(
			/^In July–September 2026, 20\.0% were discussed at MASE, against 40\.0% a year earlier \(significantly lower\)$/
		);
		expect(latestQuarterComparison(points.slice(1), 'mase', 'x')).toBeNull();
	});
});

describe('intervention mix', () => {
	const { rows, notRecorded } = interventionShares(
		[
			{ group: '10-12', intervention: 'none', referrals: 80 },
			{ group: '10-12', intervention: 'disrupt', referrals: 20 },
			{ group: '17', intervention: 'none', referrals: 50 },
			{ group: '17', intervention: 'disrupt', referrals: 50 },
			{ group: '0-9', intervention: 'disrupt', referrals: 5 },
			{ group: '0-9', intervention: 'not_recorded', referrals: 4 }
		],
		{ groups: ['0-9', '10-12', '17'], groupLabel: (group) => group.replace('-', ' to '), publication: false }
	);
	const phrase = (label: string) => `aged ${label}`;
	it('names the groups with the highest and lowest share of a kind when they differ significantly', () => {
		expect(interventionMixTitle(rows, 'disrupt', 'age band', phrase)).toBe(
			'Supporting those already involved: 50.0% of referrals aged 17, 20.0% aged 10 to 12'
		);
		expect(summariseInterventionMix(rows, 'disrupt', 'age band', phrase, notRecorded)).toMatch(
			/^Programmes supporting those already involved were offered in 50\.0% of referrals aged 17 and 20\.0% aged 10 to 12, a significant difference \(95% interval for the gap .*\); groups under 20 referrals are not compared\. 4 referrals with no intervention recorded are left out\.$/
		);
	});
});

describe('NRM', () => {
	it('gives the overall share with its interval and the latest quarter', () => {
		const [overall] = withProportions([{ nrm: 50, recorded: 400 }], {
			numerator: 'nrm',
			denominator: 'recorded',
			publication: false
		});
		expect(nrmTitle(overall)).toBe('12.5% of referrals led to a National Referral Mechanism referral');
		expect(summariseNrm(overall, 'In July–September 2026, …')).toBe(
			'50 of 400 referrals (12.5%, 95% interval 9.6% to 16.1%) led to an NRM referral. In July–September 2026, ….'
		);
	});
});

describe('re-referral', () => {
	it('gives the share after any intervention, the range by kind and the comparison group', () => {
		const rows = withProportions(
			[
				{ intervention: 'any', label: 'Any intervention', children: 200, re_referred: 50 },
				{ intervention: 'deter', label: 'Deterring from early signs', children: 100, re_referred: 20 },
				{
					intervention: 'disrupt',
					label: 'Supporting those already involved',
					children: 100,
					re_referred: 30
				},
				{ intervention: 'none', label: 'No intervention', children: 100, re_referred: 10 }
			],
			{ numerator: 're_referred', denominator: 'children', publication: false }
		);
		expect(rereferralTitle(rows)).toBe(
			'25.0% of children were referred again within 12 months of an intervention'
		);
		expect(summariseRereferral(rows, 12)).toBe(
			'Of 200 children with an intervention followed up for 12 months, 25.0% (95% interval 19.5% to 31.4%) were referred again within 12 months; by kind, from 20.0% (deterring from early signs) to 30.0% (supporting those already involved); 10.0% of children with no intervention were referred again (not a like-for-like comparison). 12 children with under 12 months of follow-up are not counted.'
		);
	});
});
