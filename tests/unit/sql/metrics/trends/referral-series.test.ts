import { cambridgeshireAndPeterborough } from '$lib/contract';
import { describe, expect, it } from 'vitest';
import { childSeries, type ChildSeriesRow } from '$lib/sql/metrics/trends/child-series';
import { referralSeries, type ReferralSeriesRow } from '$lib/sql/metrics/trends/referral-series';
import { answer } from '../../../../helpers/answer';
import { engineWith, referral } from '../../../../helpers/engine';
import { engineForFile } from '../../../../helpers/file-engine';

// Hand-counted fixture. Child A is referred four times (Fenland in January and February, Cambridge in
// March and May 2024): every referral after the first is a repeat. "O'Neil" checks quoting.
const rows = [
	referral({
		referral_id: 'R1',
		child_id: 'A',
		referral_date: '2024-01-05',
		district: 'fenland',
		age_at_referral: 14,
		looked_after: true
	}),
	referral({
		referral_id: 'R2',
		child_id: 'A',
		referral_date: '2024-02-10',
		district: 'fenland',
		age_at_referral: 14,
		looked_after: true
	}),
	referral({
		referral_id: 'R3',
		child_id: 'B',
		referral_date: '2024-01-20',
		district: 'cambridge',
		age_at_referral: 16,
		looked_after: false
	}),
	referral({
		referral_id: 'R4',
		child_id: 'C',
		referral_date: '2024-03-31',
		district: 'cambridge',
		age_at_referral: 15,
		looked_after: null
	}),
	referral({
		referral_id: 'R5',
		child_id: 'A',
		referral_date: '2024-03-10',
		district: 'cambridge',
		age_at_referral: 14,
		looked_after: true
	}),
	referral({
		referral_id: 'R6',
		child_id: "O'Neil",
		referral_date: '2024-04-01',
		district: 'fenland',
		age_at_referral: 12,
		looked_after: false
	}),
	referral({
		referral_id: 'R7',
		child_id: 'A',
		referral_date: '2024-05-15',
		district: 'cambridge',
		age_at_referral: 15,
		looked_after: true
	})
];

const engine = engineForFile(() => engineWith({ referrals: rows }));

// The children column of each expectation is checked against childSeries (distinct children).
const counts = (
	referrals: number,
	children: number,
	repeat_referrals: number,
	looked_after: number,
	looked_after_known: number,
	under_15: number
) => ({ referrals, children, repeat_referrals, looked_after, looked_after_known, under_15 });

/** referralSeries and childSeries for the same filters and span, joined by period and area. */
async function both(
	filters: Parameters<typeof referralSeries>[0],
	span: Omit<Parameters<typeof referralSeries>[1], 'areas'>
): Promise<(ReferralSeriesRow & { children: number })[]> {
	const range = { ...span, areas: cambridgeshireAndPeterborough.enumeration.codes };
	const [counted, children] = await Promise.all([
		answer<ReferralSeriesRow>(engine, referralSeries(filters, range)),
		answer<ChildSeriesRow>(engine, childSeries(filters, range))
	]);
	expect(children.map((row) => `${row.period}|${row.area}`)).toEqual(
		counted.map((row) => `${row.period}|${row.area}`)
	);
	return counted.map((row, index) => ({ ...row, children: children[index]!.children }));
}

const pick = (result: (ReferralSeriesRow & { children: number })[], area: string) =>
	result.filter((row) => row.area === area).map(({ period, area: _area, ...rest }) => ({ period, ...rest }));

describe('referralSeries', () => {
	it('counts every month for all districts and each district, with zero months filled', async () => {
		const result = await both({}, { grain: 'month', first: '2024-01-05', last: '2024-05-31' });
		// 5 months × (all + 6 districts)
		expect(result).toHaveLength(35);
		expect(result.slice(0, 7).map((row) => row.area)).toEqual([
			'all',
			'cambridge',
			'east_cambridgeshire',
			'fenland',
			'huntingdonshire',
			'peterborough',
			'south_cambridgeshire'
		]);
		expect(pick(result, 'all')).toEqual([
			{ period: '2024-01-01', ...counts(2, 2, 0, 1, 2, 1) },
			{ period: '2024-02-01', ...counts(1, 1, 1, 1, 1, 1) },
			{ period: '2024-03-01', ...counts(2, 2, 1, 1, 1, 1) },
			{ period: '2024-04-01', ...counts(1, 1, 0, 0, 1, 1) },
			{ period: '2024-05-01', ...counts(1, 1, 1, 1, 1, 0) }
		]);
		expect(pick(result, 'fenland')).toEqual([
			{ period: '2024-01-01', ...counts(1, 1, 0, 1, 1, 1) },
			{ period: '2024-02-01', ...counts(1, 1, 1, 1, 1, 1) },
			{ period: '2024-03-01', ...counts(0, 0, 0, 0, 0, 0) },
			{ period: '2024-04-01', ...counts(1, 1, 0, 0, 1, 1) },
			{ period: '2024-05-01', ...counts(0, 0, 0, 0, 0, 0) }
		]);
		expect(pick(result, 'huntingdonshire').every((row) => row.referrals === 0)).toBe(true);
	});

	it('counts financial quarters, with distinct children per quarter (not the sum of districts)', async () => {
		const result = await both({}, { grain: 'quarter', first: '2024-02-15', last: '2024-05-15' });
		expect(pick(result, 'all')).toEqual([
			{ period: '2024-01-01', ...counts(5, 3, 2, 3, 4, 3) },
			{ period: '2024-04-01', ...counts(2, 2, 1, 1, 2, 1) }
		]);
		expect(pick(result, 'fenland')).toEqual([
			{ period: '2024-01-01', ...counts(2, 1, 1, 2, 2, 2) },
			{ period: '2024-04-01', ...counts(1, 1, 0, 0, 1, 1) }
		]);
		expect(pick(result, 'cambridge')).toEqual([
			{ period: '2024-01-01', ...counts(3, 3, 1, 1, 2, 1) },
			{ period: '2024-04-01', ...counts(1, 1, 1, 1, 1, 0) }
		]);
	});

	it('applies the filters, including the district list and the period', async () => {
		const result = await both(
			{ districts: ['fenland'], from: '2024-02-01', to: '2024-04-30' },
			{ grain: 'month', first: '2024-02-01', last: '2024-04-30' }
		);
		expect([...new Set(result.map((row) => row.area))]).toEqual(['all', 'fenland']);
		expect(pick(result, 'all')).toEqual(pick(result, 'fenland'));
		expect(pick(result, 'all').map((row) => row.referrals)).toEqual([1, 0, 1]);
	});

	it('returns zeros, not nothing, when the filters match no referral', async () => {
		const result = await both(
			{ genders: ['female'] },
			{ grain: 'quarter', first: '2024-01-01', last: '2024-03-31' }
		);
		expect(result).toHaveLength(7);
		expect(result.every((row) => row.referrals === 0 && row.children === 0)).toBe(true);
	});
});
