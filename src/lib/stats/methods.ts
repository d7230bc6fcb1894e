/** A source a method follows, with a link where one is stable. */
export interface MethodSource {
	title: string;
	url?: string;
}

/** One statistical method in plain English, rendered on the Methods page and in the README. */
export interface MethodDescription {
	/** Anchor id on the Methods page. */
	id: string;
	name: string;
	/** What it is, for board members. */
	whatItIs: string;
	/** Where Sightline uses it. */
	whenUsed: string;
	sources: readonly MethodSource[];
	/** What it cannot tell you, or where to take care. */
	limits: readonly string[];
	/** The published outputs Sightline's implementation is tested against. */
	checkedAgainst: string;
}

const PHE_TECHNICAL_GUIDE: MethodSource = {
	title: 'Public Health England, Technical Guide: Confidence Intervals (2018), Fingertips guidance',
	url: 'https://fingertips.phe.org.uk/profile/guidance'
};
const PHE_INDICATOR_METHODS: MethodSource = {
	title: 'PHEindicatormethods R package (UK Health Security Agency)',
	url: 'https://github.com/ukhsa-collaboration/PHEindicatormethods'
};
const MAKING_DATA_COUNT: MethodSource = {
	title: 'NHS England, Making Data Count (2019) and its statistical process control tool',
	url: 'https://www.england.nhs.uk/publication/making-data-count/'
};
const PLOT_THE_DOTS: MethodSource = {
	title: 'NHSRplotthedots R package (NHS-R Community)',
	url: 'https://github.com/nhs-r-community/NHSRplotthedots'
};

/** Every method Sightline uses to show a number, in the order a reader meets them. */
export const methods: readonly MethodDescription[] = [
	{
		id: 'proportions',
		name: 'Percentages and their confidence intervals',
		whatItIs:
			'A percentage such as "38% of referred children had a missing episode" is shown with a range, the 95% confidence interval, that the true figure probably lies in. The range is wider when it rests on few children. Sightline uses the Wilson score method, which gives sensible ranges even for 0% and 100% and for small groups.',
		whenUsed:
			'Every percentage on the dashboard: indicator prevalence, repeat referrals, proportions by district, age band, sex or ethnic group.',
		sources: [
			PHE_TECHNICAL_GUIDE,
			PHE_INDICATOR_METHODS,
			{
				title:
					'Wilson EB. Probable inference, the law of succession, and statistical inference. JASA 1927;22:209–212'
			}
		],
		limits: [
			'The interval reflects chance variation only. It says nothing about recording quality, missing data or changes in how practitioners refer.',
			'Overlapping intervals do not prove two groups are the same; use the comparison tests for that.'
		],
		checkedAgainst:
			'PHEindicatormethods test outputs (proportions and percentages, 95% and 99.8%), agreeing to within one part in a billion.'
	},
	{
		id: 'rates',
		name: 'Rates per 10,000 children and their confidence intervals',
		whatItIs:
			'A rate divides a count by the number of children living in the area (ONS mid-year estimates), so that areas of different sizes can be compared, for example "25 referrals per 10,000 children aged 10–17". The range around a rate comes from the count: an exact method for counts under 10 and Byar’s approximation from 10 upwards, as public health analysts in England do.',
		whenUsed: 'Referral and exploitation rates by district, year and age band; the rate-based funnel plots.',
		sources: [
			PHE_TECHNICAL_GUIDE,
			PHE_INDICATOR_METHODS,
			{
				title:
					'Breslow NE, Day NE. Statistical Methods in Cancer Research, volume II. IARC, 1987 (Byar’s method)'
			}
		],
		limits: [
			'Population figures are estimates; district figures for children may be modelled and can be revised.',
			'A rate treats every child in the population as equally at risk, which is rarely true.',
			'Rates from very small counts have very wide intervals and are suppressed when the count is 1 to 5.'
		],
		checkedAgainst:
			'PHEindicatormethods test outputs (rates per 100 and per 100,000, 95% and 99.8%), agreeing to within one part in a billion.'
	},
	{
		id: 'funnel-plots',
		name: 'Funnel plots',
		whatItIs:
			'A funnel plot compares areas by plotting each one’s rate or percentage against its size, with the partnership average as a line and two pairs of curved limits around it. Small areas vary more by chance, so the limits are wider for them, giving the funnel shape. An area outside the inner (95%) limits is marked higher or lower than average; outside the outer (99.8%) limits, clearly so.',
		whenUsed:
			'Comparing districts (and, where numbers allow, teams or schools) with the partnership average.',
		sources: [
			{
				title:
					'Spiegelhalter DJ. Funnel plots for comparing institutional performance. Statistics in Medicine 2005;24:1185–1202'
			},
			PHE_TECHNICAL_GUIDE,
			PHE_INDICATOR_METHODS
		],
		limits: [
			'With many areas, about 1 in 20 will fall outside the 95% limits by chance alone, so the 99.8% limits matter more.',
			'Areas can differ for reasons that are not about performance, such as deprivation or how actively a district looks for exploitation. No adjustment is made for these.',
			'When areas differ a lot in real terms (over-dispersion), many will sit outside the limits; the funnel then shows that variation is large, not which areas are at fault.'
		],
		checkedAgainst:
			'PHEindicatormethods funnel test data: the significance label of all 303 areas (proportions) and 40 areas (rates) match exactly; the limits match to the 6 decimal places published for proportions and to one part in a million for rates.'
	},
	{
		id: 'spc',
		name: 'Statistical process control (XmR) charts',
		whatItIs:
			'An XmR chart plots a measure over time with its average and two "process limits" worked out from how much it usually moves from one period to the next. Points inside the limits with no pattern are common-cause variation: the normal ups and downs. Sightline flags special causes worth a conversation: a point outside a limit; seven points in a row all rising or all falling; seven or more points in a row on one side of the average; or two out of three points close to a limit on the same side. An icon then says whether the latest change is improving, concerning or neither.',
		whenUsed:
			'Monthly or quarterly referrals, missing episodes and response times for the whole partnership or a large district. Every page uses one rule for the limits: every complete period from the start of the data to the end of the period chosen; the filters choose which periods are shown and summarised, never the limits, so two pages never judge the same series differently. A count that averages under 2 a period (for example one district\'s girls) is a rare event: it is shown without limits or a verdict, because a single referral or a run of empty months would otherwise be flagged. Making Data Count advises a t-chart or g-chart (time or cases between events) for such series; the threshold of 2 is Sightline\'s choice (Wheeler, "Working with rare events", Quality Digest, 2011). Combine rare counts into quarters or wider groups.',
		sources: [MAKING_DATA_COUNT, PLOT_THE_DOTS],
		limits: [
			'With fewer than 12 points the limits are provisional and Sightline says so.',
			'A special cause tells you something changed, not why. A change in recording, a new referral pathway or a publicity campaign can all cause one.',
			'Sightline follows the Making Data Count Excel tool and does not screen out unusual jumps when setting the limits (NHSRplotthedots does, by default); analysts can switch screening on.',
			'The chart assumes each period is independent of the last; for small counts a rate-based chart may suit better.'
		],
		checkedAgainst:
			'NHSRplotthedots test snapshots and vignette examples: averages, limits and the special-cause label of every point, with and without screening.'
	},
	{
		id: 'recent-trend',
		name: 'Recent trend',
		whatItIs:
			'Looks at the last five periods and asks whether a percentage has been steadily rising or falling, using the chi-square test for trend at a strict 99.8% level. It reports "increasing", "decreasing" or "no significant change", and refuses to call a trend that depends on a single unusual period.',
		whenUsed: 'The trend arrow next to annual or quarterly percentages.',
		sources: [
			{
				title:
					'Office for Health Improvement and Disparities, Fingertips trend markers (Public Health Technical Guidance)',
				url: 'https://fingertips.phe.org.uk/static-reports/public-health-technical-guidance/Presentation/Trend_markers.html'
			},
			PHE_INDICATOR_METHODS
		],
		limits: [
			'It needs five consecutive, non-overlapping periods with no gaps.',
			'It tests for a straight-line trend; a rise followed by a fall may show as "no significant change".',
			'Fingertips applies it to yearly data; on quarterly data seasonal patterns can mislead.'
		],
		checkedAgainst:
			'The published example for R’s prop.trend.test (chi-square 8.2249, p = 0.004132) and the Fingertips rules for the outlier check.'
	},
	{
		id: 'comparisons',
		name: 'This period compared with another',
		whatItIs:
			'Says whether this quarter is significantly higher, significantly lower or not significantly different from the previous quarter or the same quarter last year. For counts and rates Sightline compares the two as a ratio with a confidence interval (the conditional binomial method with a Wilson interval), which works even when a count is zero. For percentages it uses the difference between the two with Newcombe’s interval.',
		whenUsed: 'Headline figures and the "compared with" line under them.',
		sources: [
			{
				title:
					'Graham PL, Mengersen K, Morton AP. Confidence limits for the ratio of two rates based on likelihood scores: non-iterative method. Statistics in Medicine 2003;22:2071–2083'
			},
			{
				title:
					'Newcombe RG. Interval estimation for the difference between independent proportions: comparison of eleven methods. Statistics in Medicine 1998;17:873–890'
			}
		],
		limits: [
			'"Not significantly different" does not mean "the same": with small numbers a real change can go undetected.',
			'Checking many comparisons at once will throw up some "significant" results by chance.',
			'Quarters next to each other are not fully independent (the same children may be referred in both).'
		],
		checkedAgainst:
			'Newcombe’s published table (method 10) for differences; the PHE Wilson reference values for the interval the ratio is built on.'
	},
	{
		id: 'disclosure-control',
		name: 'Protecting children’s identities (disclosure control)',
		whatItIs:
			'Any count from 1 to 5 is hidden and shown as "c", because someone who knows a family could otherwise recognise a child. Where a hidden number could be worked out by subtracting the others from a total, a second number is hidden too (secondary suppression), and Sightline checks that no hidden number can be recovered from any combination of rows, columns and totals. Percentages and rates built on a hidden count are hidden as well. Counts can also be rounded to the nearest 5.',
		whenUsed: 'Every table and chart that can be exported, printed or shared outside the partnership.',
		sources: [
			{
				title:
					'Department for Education, children’s social care statistics (children in need, looked-after children): counts of 1 to 5 suppressed and shown as c'
			},
			{
				title: 'Government Analysis Function, Symbols in tables: definitions and help',
				url: 'https://analysisfunction.civilservice.gov.uk/policy-store/symbols-in-tables-definitions-and-help/'
			}
		],
		limits: [
			'Each table is protected on its own. Comparing two views of the same data, for example a total with and without one district, can still reveal a small number; rounding to 5 reduces this risk.',
			'Zeros are shown, because 0 reveals nothing about an individual; a zero can still be sensitive in context.',
			'Suppression hides information; the threshold (5 by default; NHS Digital uses 7) is a judgement for the partnership’s information governance lead.'
		],
		checkedAgainst:
			'Property-based tests on thousands of random tables and filtered sub-tables: for every hidden cell, a different table exists that matches everything published.'
	}
];

function sourceMarkdown(source: MethodSource): string {
	return source.url === undefined ? source.title : `[${source.title}](${source.url})`;
}

/** The methods as the Markdown "## Methods" section of the README (kept identical by a unit test). */
export function methodsMarkdown(): string {
	const lines = [
		'## Methods',
		'',
		'How Sightline calculates the numbers it shows, in plain English. The same text is on the Methods page of the app; both are generated from `src/lib/stats/methods.ts`.',
		''
	];
	for (const m of methods) {
		lines.push(`### ${m.name}`, '', m.whatItIs, '', `**When Sightline uses it.** ${m.whenUsed}`, '');
		lines.push('**Sources.**', '', ...m.sources.map((s) => `- ${sourceMarkdown(s)}`), '');
		lines.push('**Limits.**', '', ...m.limits.map((l) => `- ${l}`), '');
		lines.push(`**Checked against.** ${m.checkedAgainst}`, '');
	}
	return lines.join('\n');
}
