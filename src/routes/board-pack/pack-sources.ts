import type { PageContext, PageDefinition } from '$lib/page/define-page';
import { childrenPage } from '../children/children-page';
import { districtsPage } from '../districts/districts-page';
import { indicatorsPage } from '../indicators/indicators-page';
import { missingPage } from '../missing/missing-page';
import { overviewPage } from '../overview-page';
import { pathwayPage } from '../pathway/pathway-page';
import { trendsPage } from '../trends/trends-page';
import { summaryFindings, type PackThemeId } from './board-pack';

/**
 * The Overview with the pack's own sentences added as a step of the same definition: the plain-English
 * findings are written from the signals publication mode published, so they pass the same seam and the
 * automated reader reads them like any page's sentences.
 */
export const packSummaryPage = overviewPage.derive('findings', ({ signals, areaReference }) =>
	summaryFindings(signals, (code) => areaReference.label(code))
);

/** Which of the pack's filters a source runs with: the quarter, or the two years to its end. */
export type PackPeriod = 'quarter' | 'history';

/** One page definition as the pack runs it, and every step of it the pack shows. */
export interface PackSource {
	definition: PageDefinition<PageContext>;
	period: PackPeriod;
	/** The steps the pack prints: its figures are these steps' figures and nothing else. */
	shown: readonly string[];
}

const source = <Scope extends PageContext>(
	definition: PageDefinition<Scope>,
	period: PackPeriod,
	shown: readonly (keyof Scope & string)[]
): PackSource => ({ definition: definition as unknown as PageDefinition<PageContext>, period, shown });

/**
 * Every figure the pack prints, by where it comes from: the dashboard's own page definitions, run with
 * publication mode always on. The page (`pack-views.svelte.ts`) binds exactly these; the automated reader
 * (`tests/publication/`) reads exactly these, so a figure the pack shows and the reader does not cannot be
 * added without adding it here.
 */
export const packSources = {
	overview: source(packSummaryPage, 'quarter', ['findings', 'signalNotes', 'headlines']),
	trends: source(trendsPage, 'history', ['referralOverall', 'childOverall']),
	children: source(childrenPage, 'quarter', ['pyramidChart', 'ageShareChart']),
	indicators: source(indicatorsPage, 'quarter', ['prevalenceChart']),
	indicatorHistory: source(indicatorsPage, 'history', ['trendChart']),
	missing: source(missingPage, 'quarter', ['interviewChart']),
	missingHistory: source(missingPage, 'history', ['monthlyChart']),
	districts: source(districtsPage, 'quarter', ['ratesChart']),
	districtHistory: source(districtsPage, 'history', ['spcChart']),
	pathway: source(pathwayPage, 'quarter', ['funnelChart', 'rereferralChart'])
} as const satisfies Record<string, PackSource>;
export type PackSourceId = keyof typeof packSources;

/** One chart of a theme: the source and step that draw it, the step that says it is loading. */
export interface PackChartSource {
	source: PackSourceId;
	chart: string;
	loading: string;
	/** Small multiples: printed up to a full page high. */
	tall?: boolean;
}

/** The charts of each theme, in the order the pack prints them. */
export const packCharts: Record<PackThemeId, readonly PackChartSource[]> = {
	referrals: [
		{ source: 'trends', chart: 'referralOverall', loading: 'referralLoading' },
		{ source: 'trends', chart: 'childOverall', loading: 'childLoading' }
	],
	who: [
		{ source: 'children', chart: 'pyramidChart', loading: 'pyramidLoading' },
		{ source: 'children', chart: 'ageShareChart', loading: 'profileLoading' }
	],
	indicators: [
		{ source: 'indicators', chart: 'prevalenceChart', loading: 'prevalenceLoading' },
		{ source: 'indicatorHistory', chart: 'trendChart', loading: 'trendLoading', tall: true }
	],
	missing: [
		{ source: 'missingHistory', chart: 'monthlyChart', loading: 'monthlyChartLoading' },
		{ source: 'missing', chart: 'interviewChart', loading: 'interviewChartLoading' }
	],
	districts: [
		{ source: 'districts', chart: 'ratesChart', loading: 'ratesLoading' },
		{ source: 'districtHistory', chart: 'spcChart', loading: 'spcChartLoading', tall: true }
	],
	pathway: [
		{ source: 'pathway', chart: 'funnelChart', loading: 'funnelChartLoading' },
		{ source: 'pathway', chart: 'rereferralChart', loading: 'rereferralChartLoading' }
	]
};
