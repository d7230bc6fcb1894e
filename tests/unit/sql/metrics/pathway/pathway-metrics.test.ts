import { describe, expect, it } from 'vitest';
import {
	interventionByAgeBand,
	interventionByIndicatorCount,
	type InterventionMixRow
} from '$lib/sql/metrics/pathway/intervention-mix';
import { nrmReferrals, type NrmRow } from '$lib/sql/metrics/pathway/nrm-referrals';
import { pathwayFunnel, type PathwayFunnelRow } from '$lib/sql/metrics/pathway/pathway-funnel';
import {
	rereferralAfterIntervention,
	type RereferralRow
} from '$lib/sql/metrics/pathway/rereferral-after-intervention';
import { engineWith, referral } from '../../../../helpers/engine';
import { answer } from '../../../../helpers/answer';
import { engineForFile } from '../../../../helpers/file-engine';

const tenIndicators = Object.fromEntries(
	[
		'ind_missing',
		'ind_accommodation',
		'ind_education',
		'ind_drugs',
		'ind_relationships',
		'ind_disengagement',
		'ind_coercion',
		'ind_mental_health',
		'ind_concerning_adults',
		'ind_online'
	].map((column) => [column, 'low'])
);

// Hand-counted fixture (the last referral, and so the end of the data, is 5 May 2024):
// A: deter at R1, referred again 5 months later (R2). B: understand, never again. C: disrupt, again after 14
// months (too late). D: no intervention, again within 8 months. E: deter 2 months before the data ends
// (follow-up incomplete). F: intervention not recorded (left out).
const rows = [
	referral({
		referral_id: 'R1',
		child_id: 'A',
		referral_date: '2023-01-10',
		age_at_referral: 15,
		pathway_stage: 'mase_discussed',
		intervention: 'deter',
		nrm_referral: true,
		ind_missing: 'high',
		ind_drugs: 'medium',
		ind_coercion: 'present',
		ind_gifts: 'none'
	}),
	referral({ referral_id: 'R2', child_id: 'A', referral_date: '2023-06-01', pathway_stage: 'central_list' }),
	referral({
		referral_id: 'R3',
		child_id: 'B',
		referral_date: '2023-02-01',
		age_at_referral: 12,
		district: 'cambridge',
		pathway_stage: 'checklist_completed',
		intervention: 'understand'
	}),
	referral({
		referral_id: 'R4',
		child_id: "C'c",
		referral_date: '2023-03-01',
		age_at_referral: 17,
		district: 'cambridge',
		pathway_stage: 'risk_tool_completed',
		intervention: 'disrupt',
		nrm_referral: null,
		...tenIndicators
	}),
	referral({
		referral_id: 'R5',
		child_id: "C'c",
		referral_date: '2024-05-01',
		age_at_referral: 18,
		district: 'cambridge',
		pathway_stage: 'mash_referral'
	}),
	referral({
		referral_id: 'R6',
		child_id: 'D',
		referral_date: '2023-04-01',
		age_at_referral: 14,
		pathway_stage: null
	}),
	referral({ referral_id: 'R7', child_id: 'D', referral_date: '2023-12-01', age_at_referral: 14 }),
	referral({
		referral_id: 'R8',
		child_id: 'E',
		referral_date: '2024-03-01',
		age_at_referral: 16,
		district: 'peterborough',
		pathway_stage: 'central_list',
		intervention: 'deter'
	}),
	referral({
		referral_id: 'R9',
		child_id: 'F',
		referral_date: '2023-05-01',
		age_at_referral: 13,
		district: 'peterborough',
		pathway_stage: 'checklist_completed',
		intervention: null
	})
];

const engine = engineForFile(() => engineWith({ referrals: rows }));

const reached = (result: PathwayFunnelRow[], group = '') =>
	result.filter((row) => row.group === group).map((row) => row.reached);

describe('pathwayFunnel', () => {
	it('counts referrals reaching each stage or a later one, out of those with a stage recorded', async () => {
		const result = await answer<PathwayFunnelRow>(engine, pathwayFunnel({}));
		expect(result.map((row) => row.stage)).toEqual([
			'mash_referral',
			'checklist_completed',
			'central_list',
			'mase_discussed',
			'risk_tool_completed'
		]);
		expect(reached(result)).toEqual([8, 6, 4, 2, 1]);
		expect(result[0]).toMatchObject({ group: '', stage_index: 0, recorded: 8, not_recorded: 1 });
	});

	it('groups by district, ignoring the district filter', async () => {
		const result = await answer<PathwayFunnelRow>(
			engine,
			pathwayFunnel({ districts: ['fenland'] }, 'district')
		);
		expect(reached(result, 'fenland')).toEqual([3, 2, 2, 1, 0]);
		expect(reached(result, 'cambridge')).toEqual([3, 2, 1, 1, 1]);
		expect(reached(result, 'peterborough')).toEqual([2, 2, 1, 0, 0]);
		expect(result.find((row) => row.group === 'fenland')).toMatchObject({ recorded: 3, not_recorded: 1 });
	});

	it('groups by calendar quarter of referral', async () => {
		const result = await answer<PathwayFunnelRow>(engine, pathwayFunnel({}, 'quarter'));
		expect([...new Set(result.map((row) => row.group))]).toEqual([
			'2023-01-01',
			'2023-04-01',
			'2023-10-01',
			'2024-01-01',
			'2024-04-01'
		]);
		expect(reached(result, '2023-01-01')).toEqual([3, 3, 2, 2, 1]);
	});
});

describe('intervention mix', () => {
	it('counts referrals by age band and intervention kind, keeping unrecorded kinds apart', async () => {
		expect(await answer<InterventionMixRow>(engine, interventionByAgeBand({}))).toEqual([
			{ group: '10-12', intervention: 'understand', referrals: 1 },
			{ group: '13-14', intervention: 'none', referrals: 2 },
			{ group: '13-14', intervention: 'not_recorded', referrals: 1 },
			{ group: '15-16', intervention: 'deter', referrals: 2 },
			{ group: '15-16', intervention: 'none', referrals: 1 },
			{ group: '17', intervention: 'disrupt', referrals: 1 },
			{ group: '18-24', intervention: 'none', referrals: 1 }
		]);
	});

	it('counts referrals by the number of indicators present at any level', async () => {
		expect(await answer<InterventionMixRow>(engine, interventionByIndicatorCount({}))).toEqual([
			{ group: '0-2', intervention: 'deter', referrals: 1 },
			{ group: '0-2', intervention: 'none', referrals: 4 },
			{ group: '0-2', intervention: 'not_recorded', referrals: 1 },
			{ group: '0-2', intervention: 'understand', referrals: 1 },
			{ group: '3-4', intervention: 'deter', referrals: 1 },
			{ group: '9-12', intervention: 'disrupt', referrals: 1 }
		]);
	});
});

describe('nrmReferrals', () => {
	it('counts NRM referrals out of referrals with the field recorded, overall and by quarter', async () => {
		expect(await answer<NrmRow>(engine, nrmReferrals({}, { byQuarter: false }))).toEqual([
			{ quarter: '', nrm: 1, recorded: 8 }
		]);
		const quarters = await answer<NrmRow>(engine, nrmReferrals({}, { byQuarter: true }));
		expect(quarters[0]).toEqual({ quarter: '2023-01-01', nrm: 1, recorded: 2 });
		expect(quarters).toHaveLength(5);
	});
});

describe('rereferralAfterIntervention', () => {
	it('follows each child 12 months from their first intervention referral', async () => {
		expect(await answer<RereferralRow>(engine, rereferralAfterIntervention({}))).toEqual([
			{ intervention: 'deter', children: 1, re_referred: 1, follow_up_incomplete: 1 },
			{ intervention: 'disrupt', children: 1, re_referred: 0, follow_up_incomplete: 0 },
			{ intervention: 'none', children: 1, re_referred: 1, follow_up_incomplete: 0 },
			{ intervention: 'understand', children: 1, re_referred: 0, follow_up_incomplete: 0 }
		]);
	});

	it('chooses index referrals under the filters but looks for re-referrals in all the data', async () => {
		expect(
			await answer<RereferralRow>(engine, rereferralAfterIntervention({ districts: ['cambridge'] }))
		).toEqual([
			{ intervention: 'disrupt', children: 1, re_referred: 0, follow_up_incomplete: 0 },
			{ intervention: 'understand', children: 1, re_referred: 0, follow_up_incomplete: 0 }
		]);
		expect(await answer<RereferralRow>(engine, rereferralAfterIntervention({ from: '2023-06-01' }))).toEqual([
			{ intervention: 'deter', children: 0, re_referred: 0, follow_up_incomplete: 1 },
			// From June 2023 every index referral (A's R2, D's R7, C's R5, E's R8) has under 12 months of data after it.
			{ intervention: 'none', children: 0, re_referred: 0, follow_up_incomplete: 3 }
		]);
	});
});
