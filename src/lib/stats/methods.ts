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
		name: 'Trend in a percentage across the periods shown',
		whatItIs:
			'Asks whether a percentage has been steadily rising or falling across every period shown (financial years or quarters), using the chi-square test for trend (Cochran–Armitage). It reports "rising significantly", "falling significantly" or "no significant change", with its p-value. It is tested at 95%, except where twelve indicators are tested at once, where it uses a strict 99.8% so that one of the twelve is not called a change by chance alone.',
		whenUsed:
			'The Children page (the share of referrals aged under 15 by financial year; the looked-after share by quarter), the high-risk share by year, and the Indicators page (each indicator’s quarterly prevalence, at 99.8%). It needs at least three periods with a recorded count; periods withheld in publication mode are left out, keeping the others’ spacing in time.',
		sources: [
			{
				title:
					'Office for Health Improvement and Disparities, Fingertips trend markers (Public Health Technical Guidance)',
				url: 'https://fingertips.phe.org.uk/static-reports/public-health-technical-guidance/Presentation/Trend_markers.html'
			},
			PHE_INDICATOR_METHODS
		],
		limits: [
			'It uses every period shown, not only the most recent ones: a rise followed by a fall may show as "no significant change", and an old change can make the whole span look like a trend.',
			'It tests for a straight-line trend; it cannot say when a change happened (the XmR charts do that).',
			'On quarterly data seasonal patterns can mislead.'
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
		name: 'Protecting children’s identities (publication mode: cell key perturbation)',
		whatItIs:
			'In publication mode every count is perturbed by the cell key method, as ONS did for Census 2021 and the ABS does for its table builders. Each referral and each missing episode carries a record key from 0 to 255, computed from its ID with the partnership secret (below); a group of records (a cell) has the key “sum of its record keys, modulo 256”, and for children counted once each, the sum of a 64-bit key per child. The published count is the true count plus a noise read from a fixed table by the true count and the cell key, so the same records always get the same noise, in every chart, table, sentence and download, whichever filters produced them: asking again, or subtracting one view from another, gives the true difference plus two unknown noises. The table’s parameters: 0 stays 0; nothing is published below 0; counts of 1 to 5 are never published as themselves (no published count is 1 to 5: they become 0 or 6, with chances that keep their average right); counts of 6 and 7 move by at most 6 without entering 1 to 5; counts of 8 or more move by −2 to +2 (probabilities 24, 56, 96, 56 and 24 in 256: average 0, variance 1.19), so most larger counts are off by 1 or 2. Totals are perturbed in their own right, so parts need not add up to their total, by at most 2 per part. Shares, rates, intervals, trend tests, SPC means and limits, modal ages and sentences are computed from the published counts; a share or rate whose published denominator is under 10 is withheld and shown as “c”. Means and medians of ages and durations are not published in publication mode.',
		whenUsed:
			'Every figure shown, printed or exported while publication mode is on. The partnership secret is generated on this device the first time Sightline runs and kept in its storage; export it on this page and import it on every analyst’s device, so two people publishing the same quarter publish the same figures. It never goes into a link or a download.',
		sources: [
			{
				title:
					'Thompson, Broadfoot and Elazar, Methodology for the automatic confidentialisation of statistical outputs from remote servers at the ABS (2013)'
			},
			{
				title: 'ONS, Protecting personal data in Census 2021 results (cell key perturbation)',
				url: 'https://www.ons.gov.uk/peoplepopulationandcommunity/populationandmigration/populationestimates/methodologies/protectingpersonaldataincensus2021results'
			},
			{
				title:
					'Department for Education, children’s social care statistics: counts of 1 to 5 not published (the range publication mode never shows)'
			},
			{
				title: 'ONSdigital/cell-key-perturbation (Python implementation and example ptable)',
				url: 'https://github.com/ONSdigital/cell-key-perturbation'
			},
			{
				title: 'Government Analysis Function, Symbols in tables: definitions and help',
				url: 'https://analysisfunction.civilservice.gov.uk/policy-store/symbols-in-tables-definitions-and-help/'
			}
		],
		limits: [
			'Verdict words (rising, falling, special cause, significant) are computed from the published counts and can differ from those on the true data; they are not themselves perturbed.',
			'A reader who can see the partnership secret and the extract can recompute the noise: keep the secret with the extract, inside the partnership.',
			'Perturbation protects counts, not facts that hold for every record of a group (for example that every referral in a district was of a boy).',
			'Rounding every count to base 5 with small counts withheld was considered and rejected: it is deterministic, so a total and its rounded parts narrow a hidden cell to a short range, and two views one child apart differ by exactly 5.'
		],
		checkedAgainst:
			'Unit tests of the perturbation table (0 stays 0, no negative or 1–5 output, average noise 0 for every count, noise at most 2 from 8 up) and of the seam: each page’s published counts equal table(true count, cell key) computed independently from the records, and the same records give the same published count through different queries.'
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
