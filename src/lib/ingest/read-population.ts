import { cambridgeshireAndPeterborough, populationAgeBands, type AreaReference } from '../contract';
import { normaliseKey } from './normalise-key';
import { isBlankRow, type RawCell, type RawTable } from './raw-table';

/**
 * One row of a population file, by area, mid-year and age band. `district` is the area's code as the file
 * gives it (a GSS code); `populationReference` turns the rows into an area reference and its population.
 */
export interface PopulationEstimate {
	readonly district: string;
	readonly area_name: string;
	readonly year: number;
	readonly age_band: (typeof populationAgeBands.codes)[number];
	readonly children: number;
	readonly source: string;
}

/** A population file read into the reference shape, with the account of its rows. */
export interface PopulationReference {
	readonly layout: 'wide' | 'long';
	readonly rows: readonly PopulationEstimate[];
	/** Data rows read (blank rows excluded): read = used + skipped. */
	readonly read: number;
	readonly used: number;
	/** Rows by sex when the file also gives persons, and rows of ages 18 and over (long layout). */
	readonly skipped: number;
	/** The file's areas; `inReference`: the area reference loaded when the file was read lists it too. */
	readonly areas: readonly { readonly code: string; readonly name: string; readonly inReference: boolean }[];
	readonly notes: readonly string[];
}

const bandOf = (age: number) => (age <= 9 ? '0-9' : '10-17') as PopulationEstimate['age_band'];
const persons = new Set(['persons', 'all', 'allpersons', 'total', 'people']);
/** The first of `names` (in order of preference) that is a heading. */
const findColumn = (keys: readonly string[], names: readonly string[]) =>
	names.map((name) => keys.indexOf(name)).find((index) => index !== -1) ?? -1;

/** The mid-year of an estimate: a year (2020), a mid-year date (2020-06-30) or "mid-2020". */
const yearOf = (cell: RawCell): number | null => {
	const match = /(19|20)\d{2}/.exec(cell instanceof Date ? cell.toISOString() : String(cell ?? ''));
	return match ? Number(match[0]) : null;
};

const integer = (cell: RawCell): number | null => {
	const value =
		typeof cell === 'number'
			? cell
			: Number(
					String(cell ?? '')
						.replace(/,/g, '')
						.trim()
				);
	return Number.isInteger(value) && value >= 0 ? value : null;
};

/**
 * Reads ONS mid-year population estimates into the population reference: children aged 0–9 and 10–17 by
 * area and mid-year. Two layouts: wide (one column per single year of age, "0" … "90", as Nomis and the
 * ONS local-authority tables publish) and long (an "age" column and a count column). Where a file gives
 * rows by sex and for persons, persons are used; by sex only, the sexes are added up.
 */
export async function readPopulation(
	raw: RawTable,
	source: string,
	current: AreaReference = cambridgeshireAndPeterborough
): Promise<PopulationReference> {
	const keys = raw.headers.map(normaliseKey);
	const code = findColumn(keys, ['areacode', 'geographycode', 'code', 'ladcode', 'lacode', 'gsscode']);
	const name = findColumn(keys, [
		'areaname',
		'geographyname',
		'name',
		'ladname',
		'laname',
		'area',
		// Nomis calls the area's name "Geography"; the ONS tables use that heading for its type.
		'geography'
	]);
	const year = findColumn(keys, ['period', 'year', 'date', 'midyear']);
	const sex = findColumn(keys, ['gender', 'sex']);
	const ageColumns = Array.from({ length: 18 }, (_, age) => keys.indexOf(String(age)));
	const wide = ageColumns.every((index) => index !== -1);
	const age = findColumn(keys, ['age']);
	const count = findColumn(keys, [
		'population',
		'count',
		'value',
		'obsvalue',
		'estimate',
		'observation',
		'persons'
	]);
	if (code === -1 || year === -1 || (!wide && (age === -1 || count === -1))) {
		throw new Error(
			'Population file without an area code, a year, and either one column per year of age (0 … 17) or an age and a count column.'
		);
	}

	// area|year|band → { persons, bySex } so persons win where both are given.
	const totals = new Map<
		string,
		{
			code: string;
			name: string;
			year: number;
			band: PopulationEstimate['age_band'];
			persons: number | null;
			bySex: number;
		}
	>();
	let read = 0;
	let skipped = 0;
	const sexOfRow: { areaYear: string; isPersons: boolean }[] = [];
	const problems: string[] = [];
	for await (const batch of raw.batches) {
		for (const row of batch.rows) {
			if (isBlankRow(row.cells)) continue;
			read++;
			const cells = row.cells;
			const areaCode = String(cells[code] ?? '').trim();
			const areaName = name === -1 ? areaCode : String(cells[name] ?? '').trim();
			const mid = yearOf(cells[year] ?? null);
			const isPersons = sex === -1 || persons.has(normaliseKey(String(cells[sex] ?? '')));
			const ages: [number, number | null][] = wide
				? ageColumns.map((index, a) => [a, integer(cells[index] ?? null)])
				: [[integer(cells[age] ?? null) ?? -1, integer(cells[count] ?? null)]];
			if (mid === null || areaCode === '' || ages.some(([, n]) => n === null)) {
				problems.push(`data row ${row.row}`);
				skipped++;
				continue;
			}
			const inRange = ages.filter(([a]) => a >= 0 && a <= 17);
			if (inRange.length === 0) {
				skipped++;
				continue;
			}
			sexOfRow.push({ areaYear: `${areaCode}|${mid}`, isPersons });
			for (const [a, n] of inRange) {
				const band = bandOf(a);
				const key = `${areaCode}|${mid}|${band}`;
				const entry = totals.get(key) ?? {
					code: areaCode,
					name: areaName,
					year: mid,
					band,
					persons: null,
					bySex: 0
				};
				if (isPersons) entry.persons = (entry.persons ?? 0) + n!;
				else entry.bySex += n!;
				totals.set(key, entry);
			}
		}
	}
	const withPersons = new Set(sexOfRow.filter((row) => row.isPersons).map((row) => row.areaYear));
	const superseded = sexOfRow.filter((row) => !row.isPersons && withPersons.has(row.areaYear)).length;
	const used = sexOfRow.length - superseded;
	skipped += superseded;
	const rows: PopulationEstimate[] = [...totals.values()].map((entry) => ({
		district: entry.code,
		area_name: entry.name,
		year: entry.year,
		age_band: entry.band,
		children: entry.persons ?? entry.bySex,
		source
	}));
	const areas = [...new Map(rows.map((row) => [row.district, row])).values()].map((row) => ({
		code: row.district,
		name: row.area_name,
		inReference: current.resolve(row.district) !== undefined || current.resolve(row.area_name) !== undefined
	}));
	const notes: string[] = [];
	const outside = areas.filter((area) => !area.inReference);
	if (outside.length > 0) {
		notes.push(
			`${outside.length} area${outside.length === 1 ? ' is' : 's are'} not in the current area reference, ${current.title} (${outside
				.slice(0, 12)
				.map((area) => `${area.name} ${area.code}`)
				.join(
					', '
				)}${outside.length > 12 ? ` and ${outside.length - 12} more` : ''}): loaded as the area reference, the file's areas replace it.`
		);
	}
	if (problems.length > 0) {
		notes.push(
			`${problems.length} rows without a year, an area code or whole counts were skipped (first: ${problems[0]}).`
		);
	}
	return { layout: wide ? 'wide' : 'long', rows, read, used, skipped, areas, notes };
}
