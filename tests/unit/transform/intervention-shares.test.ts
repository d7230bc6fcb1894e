import { describe, expect, it } from 'vitest';
import type { InterventionMixRow } from '$lib/sql/metrics/pathway/intervention-mix';
import { interventionShares } from '$lib/transform/intervention-shares';

const rows: InterventionMixRow[] = [
	{ group: '13-14', intervention: 'none', referrals: 50 },
	{ group: '13-14', intervention: 'deter', referrals: 30 },
	{ group: '13-14', intervention: 'disrupt', referrals: 20 },
	{ group: '13-14', intervention: 'not_recorded', referrals: 7 },
	{ group: '15-16', intervention: 'understand', referrals: 40 },
	{ group: '15-16', intervention: 'disrupt', referrals: 60 }
];

describe('interventionShares', () => {
	it('gives every group × kind cell as a share of the group’s recorded referrals, in order', () => {
		const { rows: shares, notRecorded } = interventionShares(rows, {
			groups: ['0-9', '13-14', '15-16'],
			groupLabel: (group) => `Aged ${group}`
		});
		expect(notRecorded).toBe(7);
		expect(shares.map((share) => [share.group, share.intervention, share.referrals, share.share])).toEqual([
			['13-14', 'none', 50, 0.5],
			['13-14', 'deter', 30, 0.3],
			['13-14', 'understand', 0, 0],
			['13-14', 'disrupt', 20, 0.2],
			['15-16', 'none', 0, 0],
			['15-16', 'deter', 0, 0],
			['15-16', 'understand', 40, 0.4],
			['15-16', 'disrupt', 60, 0.6]
		]);
		expect(shares[0]!.interventionLabel).toBe('No intervention recorded');
	});
});
