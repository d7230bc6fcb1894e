import { formatCount, formatDecimal } from '$lib/format/number';
import type { DistrictComparison } from './district-comparison';
import { listNames, plural } from '$lib/summaries/list-names';
import { significanceDirection } from './describe-significance';

export type RateAges = '0_17' | '10_17';
const agesText = { '0_17': 'aged 0 to 17', '10_17': 'aged 10 to 17' } as const;

function ranked(comparison: DistrictComparison, ages: RateAges) {
	return comparison.rows
		.map((row) => ({
			name: row.districtLabel,
			rate: row[`rate_${ages}`],
			referrals: row[`referrals_${ages}`],
			lower: row[`lower_${ages}`],
			upper: row[`upper_${ages}`]
		}))
		.filter(
			(row): row is { name: string; rate: number; referrals: number | null; lower: number; upper: number } =>
				row.rate !== null
		)
		.sort((a, b) => b.rate - a.rate);
}

const hidden = (comparison: DistrictComparison, ages: RateAges) =>
	comparison.rows.filter((row) => row.suppressed?.[`rate_${ages}`] !== undefined).length;

/** "(312 referrals)": the count beside a rate, so the size behind it is in view; none when withheld. */
const countBeside = (referrals: number | null) =>
	referrals === null ? '' : ` (${formatCount(referrals)} ${referrals === 1 ? 'referral' : 'referrals'})`;

/**
 * Active title for the rates chart: which district has the highest rate, with its count beside it. A
 * district is "largest" by its rate per 10,000 children, never by its raw count, which mostly says how many
 * children live there.
 */
export function districtRatesTitle(comparison: DistrictComparison): string {
	const [top] = ranked(comparison, '0_17');
	if (!top) return 'Referral rates per 10,000 children by district';
	return `${top.name} has the highest referral rate: ${formatDecimal(top.rate)} per 10,000 children a year${countBeside(top.referrals)}`;
}

/** One sentence: highest and lowest district rate with intervals, against the partnership rate. */
export function summariseDistrictRates(comparison: DistrictComparison, ages: RateAges = '0_17'): string {
	const rows = ranked(comparison, ages);
	const suppressed = hidden(comparison, ages);
	const note = suppressed > 0 ? ` (${plural(suppressed, 'district')} suppressed: small numbers)` : '';
	if (rows.length === 0) return `No rate can be shown for children ${agesText[ages]}${note}.`;
	const top = rows[0]!;
	const bottom = rows.at(-1)!;
	const baseline = comparison[`baseline_${ages}`];
	const partnership = baseline === null ? '' : `; the partnership rate is ${formatDecimal(baseline)}`;
	const interval = `(95% interval ${formatDecimal(top.lower)} to ${formatDecimal(top.upper)})`;
	const lowest = rows.length > 1 ? `, and ${bottom.name} the lowest, ${formatDecimal(bottom.rate)}` : '';
	return `${top.name} has the highest referral rate, ${formatDecimal(top.rate)} per 10,000 children ${agesText[ages]} a year ${interval}${countBeside(top.referrals).replace(/^ \((.*)\)$/, ', from $1')}${lowest}${partnership}${note}.`;
}

/** Active title for the funnel plot: which districts differ significantly from the partnership. */
export function districtFunnelTitle(comparison: DistrictComparison): string {
	const higher = comparison.rows.filter((row) => significanceDirection(row.significance_0_17) === 'higher');
	const lower = comparison.rows.filter((row) => significanceDirection(row.significance_0_17) === 'lower');
	const names = (rows: typeof higher) => listNames(rows.map((row) => row.districtLabel));
	if (higher.length > 0)
		return `${names(higher)} ${higher.length === 1 ? 'has a' : 'have'} significantly higher referral rate${higher.length === 1 ? '' : 's'} than the partnership`;
	if (lower.length > 0)
		return `${names(lower)} ${lower.length === 1 ? 'has a' : 'have'} significantly lower referral rate${lower.length === 1 ? '' : 's'} than the partnership`;
	return 'No district’s referral rate differs significantly from the partnership’s';
}

/** One sentence: each district's position in the funnel (0–17), grouped by significance. */
export function summariseDistrictFunnel(comparison: DistrictComparison): string {
	const baseline = comparison.baseline_0_17;
	if (baseline === null) return 'The partnership rate cannot be shown for the current filters.';
	const group = (label: string) =>
		comparison.rows.filter((row) => row.significance_0_17 === label).map((row) => row.districtLabel);
	const parts: string[] = [];
	const add = (names: string[], words: string) => {
		if (names.length > 0) parts.push(`${listNames(names)} ${names.length === 1 ? 'is' : 'are'} ${words}`);
	};
	add(group('High (0.001)'), 'significantly higher (beyond the 99.8% limit)');
	add(group('High (0.025)'), 'higher (beyond the 95% but within the 99.8% limit)');
	add(group('Low (0.001)'), 'significantly lower (beyond the 99.8% limit)');
	add(group('Low (0.025)'), 'lower (beyond the 95% but within the 99.8% limit)');
	const similar = group('Not significant');
	if (similar.length > 0)
		parts.push(`${listNames(similar)} ${similar.length === 1 ? 'is' : 'are'} within the 95% limits`);
	const suppressed = comparison.rows.filter((row) => row.suppressed?.rate_0_17 !== undefined).length;
	if (suppressed > 0) parts.push(`${plural(suppressed, 'district')} suppressed (small numbers)`);
	return `Against the partnership rate of ${formatDecimal(baseline)} per 10,000 children aged 0 to 17 a year, ${parts.join('; ')}.`;
}
