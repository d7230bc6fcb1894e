import { describe, expect, it } from 'vitest';
import {
	chosenQuarter,
	completeQuarters,
	footerText,
	historyFiltersOf,
	numberedSections,
	packChoice,
	packFileName,
	packFilters,
	plainFinding,
	summaryFindings
} from '../../../../src/routes/board-pack/board-pack';
import { cambridgeshireAndPeterborough } from '$lib/contract';
import type { ChartSpec } from '$lib/page/chart-spec';
import type { SpcSignal } from '$lib/summaries/spc-signals';
import type { ChangeSignal } from '$lib/summaries/comparison-signals';

describe('completeQuarters', () => {
	it('lists only the quarters the data cover from first to last day, latest first', () => {
		// The demo: 1 November 2021 to 15 November 2026. Oct–Dec 2021 and Oct–Dec 2026 are part quarters.
		const quarters = completeQuarters('2021-11-01', '2026-11-15');
		expect(quarters[0]).toMatchObject({ start: '2026-07-01', end: '2026-09-30', label: 'Q2 2026-27' });
		expect(quarters.at(-1)).toMatchObject({ start: '2022-01-01', end: '2022-03-31', label: 'Q4 2021-22' });
		expect(quarters).toHaveLength(19);
		expect(quarters[0]!.months).toBe('July–September 2026');
	});

	it('counts a quarter complete when the data start on its first day and end on its last', () => {
		expect(completeQuarters('2025-04-01', '2025-06-30').map((quarter) => quarter.start)).toEqual([
			'2025-04-01'
		]);
		expect(completeQuarters('2025-04-02', '2025-06-30')).toEqual([]);
		expect(completeQuarters('2025-04-01', '2025-06-29')).toEqual([]);
		expect(completeQuarters(undefined, '2025-06-29')).toEqual([]);
	});

	it('chooses the named quarter, or the latest when the link names none or an unknown one', () => {
		const quarters = completeQuarters('2021-11-01', '2026-11-15');
		expect(chosenQuarter(quarters, '2024-04-01')?.label).toBe('Q1 2024-25');
		expect(chosenQuarter(quarters, null)?.label).toBe('Q2 2026-27');
		expect(chosenQuarter(quarters, '2019-01-01')?.label).toBe('Q2 2026-27');
	});
});

describe('pack filters', () => {
	const [quarter] = completeQuarters('2021-11-01', '2026-11-15');

	it('runs the quarter for the partnership or one district', () => {
		expect(packFilters(quarter, undefined)).toEqual({ from: '2026-07-01', to: '2026-09-30' });
		expect(packFilters(quarter, 'fenland')).toEqual({
			from: '2026-07-01',
			to: '2026-09-30',
			districts: ['fenland']
		});
	});

	it('shows charts over time for the 24 months to the end of the quarter, never before the data', () => {
		expect(historyFiltersOf(quarter, undefined, '2021-11-01')).toEqual({
			from: '2024-10-01',
			to: '2026-09-30'
		});
		expect(historyFiltersOf(quarter, 'fenland', '2025-06-12')).toEqual({
			from: '2025-06-01',
			to: '2026-09-30',
			districts: ['fenland']
		});
	});
});

describe('plain findings', () => {
	const areaName = (code: string) => (code === 'fenland' ? 'Fenland' : code);
	const shift: SpcSignal = {
		kind: 'special-cause',
		rule: 'shift',
		direction: 'high',
		measure: 'referrals',
		area: 'fenland',
		start: '2026-01-01',
		end: '2026-09-01',
		length: 9,
		current: true,
		text: 'Referrals in Fenland have been above the mean (5.1 a month) for 9 months in a row (special cause: shift).',
		headline: 'Referrals in Fenland have been above the mean for 9 months in a row',
		short: '9 months above the mean since January 2026'
	};
	const change: ChangeSignal = {
		kind: 'change',
		direction: 'low',
		measure: 'under_15_share',
		area: 'all',
		against: 'the same quarter a year earlier',
		current: true,
		end: '2026-09-01',
		length: 3,
		text: 'The share … was significantly lower … (difference −8.1 percentage points, 95% confidence interval −14.0 to −2.2).'
	};

	it('says a run in words, keeps the statistical statement beside it, and names no test', () => {
		const finding = plainFinding(shift, areaName);
		expect(finding.plain).toBe(
			'Referrals in Fenland have been higher than usual (9 months above the mean since January 2026): a sustained change, not a one-off.'
		);
		expect(finding.technical).toBe(shift.text);
		expect(finding.plain).not.toMatch(/special cause|shift|confidence|ratio/i);
	});

	it('says a significant change as a rise or fall against what it was compared with', () => {
		const finding = plainFinding(change, areaName);
		expect(finding.plain).toBe(
			'The share of referrals for children under 15 fell compared with the same quarter a year earlier: a bigger change than chance alone would explain.'
		);
		expect(finding.direction).toBe('low');
	});

	it('summarises changes and current special causes, never earlier ones', () => {
		const earlier = { ...shift, current: false, area: 'earlier' };
		const findings = summaryFindings(
			{ changes: [change], running: [shift], during: [], earlier: [earlier] },
			areaName
		);
		expect(findings.map((finding) => finding.technical)).toEqual([change.text, shift.text]);
	});
});

describe('a pack link', () => {
	const extent = { first_referral: '2021-11-01', last_referral: '2026-11-15' };
	const choose = (query: string) =>
		packChoice(new URLSearchParams(query), extent, cambridgeshireAndPeterborough);

	it('reads the quarter and an area of the loaded reference, with their filters', () => {
		const choice = choose('quarter=2025-04-01&area=fenland');
		expect(choice.quarter?.label).toBe('Q1 2025-26');
		expect(choice.areaName).toBe('Fenland');
		expect(choice.filters).toEqual({ from: '2025-04-01', to: '2025-06-30', districts: ['fenland'] });
		expect(choice.historyFilters).toEqual({ from: '2023-07-01', to: '2025-06-30', districts: ['fenland'] });
		expect(footerText(choice)).toBe(
			'Sightline board pack · Fenland · Q1 2025-26 (April–June 2025) · OFFICIAL'
		);
		expect(packFileName(choice.quarter!)).toBe('board-pack-q1-2025-26.html');
	});

	it('ignores an area the reference does not hold and a quarter the data do not cover', () => {
		const choice = choose('quarter=2019-01-01&area=narnia');
		expect(choice.area).toBeUndefined();
		expect(choice.areaName).toBe('All districts');
		expect(choice.quarter?.label).toBe('Q2 2026-27');
	});

	it('has no quarter, and no footer, before the data are loaded', () => {
		const choice = packChoice(new URLSearchParams(''), undefined, cambridgeshireAndPeterborough);
		expect(choice.quarter).toBeUndefined();
		expect(footerText(choice)).toBe('');
	});
});

describe('numberedSections', () => {
	const spec = (title: string) => ({ title }) as unknown as ChartSpec<object>;
	it('numbers the drawn charts across the themes in order, leaving out those not drawn yet', () => {
		const sections = numberedSections({
			referrals: [
				{ spec: spec('a'), loading: false },
				{ spec: undefined, loading: true }
			],
			who: [{ spec: spec('b'), loading: false }],
			indicators: [],
			missing: [{ spec: spec('c'), loading: false, tall: true }],
			districts: [],
			pathway: []
		});
		expect(sections.map((section) => section.id)).toEqual([
			'referrals',
			'who',
			'indicators',
			'missing',
			'districts',
			'pathway'
		]);
		expect(
			sections.flatMap((section) => section.charts.map((chart) => `${chart.ref} ${chart.spec.title}`))
		).toEqual(['A1 a', 'A2 b', 'A3 c']);
		expect(sections[3]!.charts[0]!.tall).toBe(true);
	});
});
