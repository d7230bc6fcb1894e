import type { District, PopulationRow } from '../../src/lib/contract';

/** The columns of `data/reference/district-population.csv`, in the order of the contract's `population` table. */
export type { PopulationRow };

/** Children aged 0–17, ONS mid-year estimates via DfE (shared/domain/README.md §3). */
const onsTotals = {
	cambridgeshire: { 2023: 140_070, 2024: 142_924 },
	peterborough: { 2023: 56_451, 2024: 57_621 }
} as const;

/** Illustrative district sizes (0–17, ±10%) used only as shares of the Cambridgeshire total. */
const cambridgeshireDistricts: readonly (readonly [District, number])[] = [
	['cambridge', 25_100],
	['east_cambridgeshire', 19_100],
	['fenland', 20_300],
	['huntingdonshire', 38_500],
	['south_cambridgeshire', 36_900]
];

/** Share of 0–17-year-olds aged 10–17 (about 46%, from the ONS single-year-of-age profile). */
export const SHARE_AGED_10_TO_17 = 0.46;
/** Yearly growth used to project the two ONS years backwards and forwards. */
const YEARLY_GROWTH = 0.01;

const NOMIS = 'replace with ONS mid-year estimates (Nomis NM_2002_1)';

/** An ONS total for 2023 or 2024, projected at 1% a year for other years. */
function projectedTotal(totals: { 2023: number; 2024: number }, year: number): number {
	if (year <= 2023) return totals[2023] * Math.pow(1 + YEARLY_GROWTH, year - 2023);
	return totals[2024] * Math.pow(1 + YEARLY_GROWTH, year - 2024);
}

/** 56451 → "56,451" without depending on the runtime's locale data. */
const thousands = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

const isOnsYear = (year: number): boolean => year === 2023 || year === 2024;

/**
 * Boys' share of each band in the ONS mid-2020 estimates for Trafford, the ONS sample the population
 * reader is tested on (shared/samples/ons): males 15,649 of 30,621 aged 0–9 and 13,275 of 26,005 aged 10–17.
 * No published split by sex or single year is at hand for the Cambridgeshire districts, so the demo borrows
 * these shares and spreads each sex evenly over the single years of its band.
 */
export const MALE_SHARE = { '0-9': 15_649 / 30_621, '10-17': 13_275 / 26_005 } as const;
export const SPLIT_METHOD =
	'by sex at the ONS mid-2020 male share for Trafford (51.1% aged 0-9, 51.0% aged 10-17), evenly by single year';

/** `total` in `parts` whole numbers as even as can be, the larger ones first: they add up to `total`. */
function evenly(total: number, parts: number): number[] {
	const base = Math.floor(total / parts);
	return Array.from({ length: parts }, (_, index) => base + (index < total - base * parts ? 1 : 0));
}

/**
 * A band's children as rows by sex and single year of age: the sexes at the band's male share, each spread
 * evenly over the band's years, so the rows add up exactly to the band's total.
 */
function bandRows(
	district: District,
	year: number,
	band: keyof typeof MALE_SHARE,
	children: number,
	source: string
): PopulationRow[] {
	const [first, last] = band === '0-9' ? [0, 9] : [10, 17];
	const male = Math.round(children * MALE_SHARE[band]);
	return (
		[
			['male', male],
			['female', children - male]
		] as const
	).flatMap(([sex, total]) =>
		evenly(total, last - first + 1).map((count, index) => ({
			district,
			year,
			age_band: band,
			sex,
			age: first + index,
			children: count,
			source: `${source}; split ${SPLIT_METHOD}`
		}))
	);
}

function bands(district: District, year: number, total: number, source: string): PopulationRow[] {
	const older = Math.round(total * SHARE_AGED_10_TO_17);
	return [
		...bandRows(district, year, '0-9', total - older, source),
		...bandRows(district, year, '10-17', older, source)
	];
}

/**
 * The district population reference for the given years: the five Cambridgeshire districts as illustrative
 * shares of the ONS county total, Peterborough (a unitary authority) from ONS, each split into 0–9 and 10–17,
 * and each band by sex and single year of age (`SPLIT_METHOD`).
 */
export function districtPopulation(years: readonly number[]): PopulationRow[] {
	const shareTotal = cambridgeshireDistricts.reduce((sum, [, size]) => sum + size, 0);
	return years.flatMap((year) => {
		const county = projectedTotal(onsTotals.cambridgeshire, year);
		const countySource = isOnsYear(year)
			? `Illustrative estimate (±10%), scaled to the ONS county total; ${NOMIS}`
			: `Illustrative estimate (±10%), scaled to the ONS county total projected at 1% a year; ${NOMIS}`;
		const cambridgeshire = cambridgeshireDistricts.flatMap(([district, size]) =>
			bands(district, year, Math.round((county * size) / shareTotal), countySource)
		);
		const peterboroughTotal = Math.round(projectedTotal(onsTotals.peterborough, year));
		const peterboroughSource = isOnsYear(year)
			? `ONS mid-year estimate (aged 0-17: ${thousands(peterboroughTotal)}); split into age bands illustrative (46% aged 10-17)`
			: `Illustrative estimate: ONS mid-2023/2024 total projected at 1% a year; ${NOMIS}`;
		return [...cambridgeshire, ...bands('peterborough', year, peterboroughTotal, peterboroughSource)];
	});
}

/** Children aged 10–17 in a district and year (years outside the table use the nearest year). */
export function childrenAged10to17(rows: readonly PopulationRow[], district: District, year: number): number {
	const years = rows.map((row) => row.year);
	const nearest = Math.min(Math.max(year, Math.min(...years)), Math.max(...years));
	const band = rows.filter((r) => r.district === district && r.year === nearest && r.age_band === '10-17');
	if (band.length === 0) throw new Error(`No population for ${district} ${nearest}`);
	return band.reduce((sum, row) => sum + row.children, 0);
}
