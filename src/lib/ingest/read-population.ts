import {
	cambridgeshireAndPeterborough,
	populationAgeBands,
	type AreaReference,
	type PopulationSex
} from '../contract';
import {
	populationColumns,
	sexOfCell,
	sexOfSheet,
	singleYearOfAge,
	type PopulationSexKey
} from './population-columns';
import { isBlankRow, type RawCell, type RawTable } from './raw-table';

/**
 * One row of a population file, by area, mid-year, sex and single year of age 0 to 17. `district` is the
 * area's code as the file gives it (a GSS code); `populationAreas` turns the rows into an area reference and
 * its population. `sex` null: both sexes (the file gives persons only).
 */
export interface PopulationEstimate {
	readonly district: string;
	readonly area_name: string;
	readonly year: number;
	readonly age_band: (typeof populationAgeBands.codes)[number];
	readonly sex: PopulationSex | null;
	readonly age: number;
	readonly children: number;
	readonly source: string;
}

/** A population file read into the reference shape, with the account of its rows. */
export interface PopulationReference {
	readonly layout: 'wide' | 'long';
	/** Persons, or male and female: what the rows are by. */
	readonly bySex: boolean;
	/** The mid-year used (the file's latest). */
	readonly year: number;
	readonly rows: readonly PopulationEstimate[];
	/** Data rows read (blank rows excluded): read = used + skipped. */
	readonly read: number;
	readonly used: number;
	/** Rows not used: persons where the sexes are given, adults, earlier years, regions and counties, errors. */
	readonly skipped: number;
	/** The file's areas; `inReference`: the area reference loaded when the file was read lists it too. */
	readonly areas: readonly { readonly code: string; readonly name: string; readonly inReference: boolean }[];
	readonly notes: readonly string[];
}

const bandOf = (age: number) => (age <= 9 ? '0-9' : '10-17') as PopulationEstimate['age_band'];
const childAges = Array.from({ length: 18 }, (_, age) => age);

/** The mid-year of an estimate: a year (2020), a mid-year date (2020-06-30) or "mid-2020". */
const yearOf = (cell: RawCell | undefined): number | null => {
	const match = /(19|20)\d{2}/.exec(cell instanceof Date ? cell.toISOString() : String(cell ?? ''));
	return match ? Number(match[0]) : null;
};

const integer = (cell: RawCell | undefined): number | null => {
	const value =
		typeof cell === 'number'
			? cell
			: Number(
					String(cell ?? '')
						.replace(/,/g, '')
						.trim()
				);
	return String(cell ?? '').trim() !== '' && Number.isInteger(value) && value >= 0 ? value : null;
};

/**
 * GSS codes of areas that add up other areas in the same file: countries and regions always, counties
 * (E10) and metropolitan counties (E11) when their districts (E07, E08) are there too. An ONS MYE2 table
 * lists England, its regions, counties and districts together; only the lowest tier is kept, so no child is
 * counted twice.
 */
function aggregateCodes(codes: readonly string[]): Set<string> {
	const prefixes = new Set(codes.map((code) => code.slice(0, 3).toUpperCase()));
	const lowest = ['E06', 'E07', 'E08', 'E09', 'W06', 'S12', 'N09'].some((prefix) => prefixes.has(prefix));
	const aggregate = (code: string) => {
		const prefix = code.slice(0, 3).toUpperCase();
		if (!/^[EWSNK]\d{8}$/i.test(code)) return false;
		if (prefix === 'E10') return prefixes.has('E07');
		if (prefix === 'E11') return prefixes.has('E08');
		return lowest && /^(K0\d|E92|E12|E13|E1[45]|W92|S92|N92)$/.test(prefix);
	};
	return new Set(codes.filter(aggregate));
}

type Why =
	| 'persons'
	| 'by sex'
	| 'adults'
	| 'earlier'
	| 'aggregate'
	| 'problem'
	| 'incomplete'
	| 'duplicate'
	| 'one sex';

/**
 * Reads ONS mid-year population estimates into the population reference: children by area, sex and single
 * year of age 0 to 17, for the file's latest mid-year. Layouts: wide (a column per single year of age, "0" …
 * "90+", "Age 0" …, or per sex and age, "M0" … "F90": ONS MYE2, Nomis) and long (an age and a count column,
 * one row per area × sex × age: Nomis, ONS MYEB with a column per year, the ONS API). Where the file gives
 * males and females the rows are by sex and any persons rows are left out; persons only, the rows are for
 * both sexes. Regions, counties and countries listed beside their districts are left out, as are ages 18
 * and over and earlier years; every row read is used or skipped, and the notes say why.
 */
export async function readPopulation(
	raw: RawTable,
	source: string,
	current: AreaReference = cambridgeshireAndPeterborough
): Promise<PopulationReference> {
	const columns = populationColumns(raw.headers);
	if (columns === null) {
		throw new Error(
			'Population file without an area code and either one column per year of age (0 … 17) or an age and a count column.'
		);
	}
	const { code, name, year, sex, layout } = columns;
	const sheetSex = sexOfSheet(raw.sheet);
	// A year for the whole file when no column gives one: an ONS MYE2 sheet says "Mid-2022" in its title.
	const fileYear =
		year === -1 && columns.countYear === null
			? yearOf([...raw.notes, raw.sheet ?? '', source].find((text) => yearOf(text) !== null) ?? '')
			: null;
	if (year === -1 && columns.countYear === null && fileYear === null) {
		throw new Error(
			'Population file without a mid-year: no year column, and no year in its title, sheet or file name.'
		);
	}

	/** area|year|sex|age → children, and which data row gave it. */
	const cells = new Map<string, { n: number; row: number }>();
	const names = new Map<string, string>();
	const rowsOf = new Map<number, string[]>();
	const skippedRows = new Map<number, Why>();
	const problems: string[] = [];
	let read = 0;
	const skip = (row: number, why: Why) => {
		if (!skippedRows.has(row)) skippedRows.set(row, why);
	};
	for await (const batch of raw.batches) {
		for (const { row, cells: rowCells } of batch.rows) {
			if (isBlankRow(rowCells)) continue;
			read++;
			const areaCode = String(rowCells[code] ?? '').trim();
			const areaName = name === -1 ? areaCode : String(rowCells[name] ?? '').trim() || areaCode;
			const mid = columns.countYear ?? fileYear ?? yearOf(rowCells[year]);
			const rowSex: PopulationSexKey | undefined =
				sex === -1 ? (sheetSex ?? 'persons') : sexOfCell(String(rowCells[sex] ?? ''));
			if (mid === null || areaCode === '' || rowSex === undefined) {
				problems.push(
					`data row ${row}: ${mid === null ? 'no year' : areaCode === '' ? 'no area code' : `sex "${String(rowCells[sex] ?? '')}"`}`
				);
				skip(row, 'problem');
				continue;
			}
			const given: [PopulationSexKey, number, number | null][] =
				layout === 'wide'
					? columns.ages.map((column) => [column.sex ?? rowSex, column.age, integer(rowCells[column.index])])
					: [
							[
								rowSex,
								singleYearOfAge(String(rowCells[columns.age] ?? '')) ?? -1,
								integer(rowCells[columns.count])
							]
						];
			const children = given.filter(([, age]) => age >= 0 && age <= 17);
			if (children.length === 0) {
				skip(row, 'adults');
				continue;
			}
			if (children.some(([, , n]) => n === null)) {
				problems.push(`data row ${row}: a count that is not a whole number`);
				skip(row, 'problem');
				continue;
			}
			names.set(areaCode, names.get(areaCode) ?? areaName);
			const keys: string[] = [];
			for (const [sexKey, age, n] of children) {
				const key = `${areaCode}|${mid}|${sexKey}|${age}`;
				if (cells.has(key)) continue;
				cells.set(key, { n: n!, row });
				keys.push(key);
			}
			if (keys.length === 0) skip(row, 'duplicate');
			else rowsOf.set(row, keys);
		}
	}

	const years = [...new Set([...cells.keys()].map((key) => Number(key.split('|')[1])))].sort((a, b) => a - b);
	const latest = years.at(-1);
	if (latest === undefined) {
		throw new Error(
			`Population file with no counts of children aged 0 to 17 (${read} rows read${problems.length > 0 ? `; ${problems[0]}` : ''}).`
		);
	}
	const codes = [...names.keys()];
	const aggregates = aggregateCodes(codes);
	const complete = (area: string, sexKey: PopulationSexKey) =>
		childAges.every((age) => cells.has(`${area}|${latest}|${sexKey}|${age}`));
	/** Per area, the sexes its rows are by: male and female where both are complete, else persons. */
	const chosen = new Map<string, readonly PopulationSexKey[]>();
	const incomplete: string[] = [];
	const oneSex: string[] = [];
	for (const area of codes) {
		if (aggregates.has(area)) continue;
		if (complete(area, 'male') && complete(area, 'female')) chosen.set(area, ['male', 'female']);
		else if (complete(area, 'persons')) chosen.set(area, ['persons']);
		else if (complete(area, 'male') || complete(area, 'female')) oneSex.push(`${names.get(area)} ${area}`);
		else incomplete.push(`${names.get(area)} ${area}`);
	}
	// One breakdown for the whole reference: by sex only when every area has both sexes. Otherwise areas by
	// sex give persons: their persons rows where the file has them, else males and females added up.
	const bySex = chosen.size > 0 && [...chosen.values()].every((sexes) => sexes.length === 2);
	const summed = new Set<string>();
	if (!bySex)
		for (const [area, sexes] of chosen)
			if (sexes.length === 2) {
				if (complete(area, 'persons')) chosen.set(area, ['persons']);
				else summed.add(area);
			}
	const childrenOf = (area: string, sexKey: PopulationSexKey, age: number) =>
		summed.has(area)
			? cells.get(`${area}|${latest}|male|${age}`)!.n + cells.get(`${area}|${latest}|female|${age}`)!.n
			: cells.get(`${area}|${latest}|${sexKey}|${age}`)!.n;

	for (const [row, keys] of rowsOf) {
		const wanted = keys.some((key) => {
			const [area, mid, sexKey] = key.split('|') as [string, string, PopulationSexKey];
			return (
				Number(mid) === latest &&
				(chosen.get(area)?.includes(sexKey) === true || (summed.has(area) && sexKey !== 'persons'))
			);
		});
		if (wanted) continue;
		const [area, mid] = keys[0]!.split('|') as [string, string];
		skip(
			row,
			Number(mid) !== latest
				? 'earlier'
				: aggregates.has(area)
					? 'aggregate'
					: !chosen.has(area)
						? oneSex.some((text) => text.endsWith(` ${area}`))
							? 'one sex'
							: 'incomplete'
						: bySex
							? 'persons'
							: 'by sex'
		);
	}

	const rows: PopulationEstimate[] = [];
	for (const [area, sexes] of chosen)
		for (const sexKey of summed.has(area) ? (['persons'] as const) : sexes)
			for (const age of childAges)
				rows.push({
					district: area,
					area_name: names.get(area)!,
					year: latest,
					age_band: bandOf(age),
					sex: sexKey === 'persons' ? null : sexKey,
					age,
					children: childrenOf(area, sexKey, age),
					source
				});
	const areas = [...chosen.keys()].map((area) => ({
		code: area,
		name: names.get(area)!,
		inReference: current.resolve(area) !== undefined || current.resolve(names.get(area)!) !== undefined
	}));

	const notes: string[] = [
		`Children aged 0 to 17 by single year of age${bySex ? ' and sex (males and females)' : ', both sexes together (the file gives no figures by sex for every area)'}, mid-${latest}.`
	];
	if (years.length > 1)
		notes.push(`The file gives mid-years ${years[0]} to ${latest}; the latest, mid-${latest}, is used.`);
	const count = (why: Why) => [...skippedRows.values()].filter((reason) => reason === why).length;
	const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
	if (count('persons') > 0)
		notes.push(
			`${plural(count('persons'), 'row', 'rows')} for persons (both sexes) left out: the males and females rows give the same children by sex.`
		);
	if (count('by sex') > 0)
		notes.push(
			`${plural(count('by sex'), 'row', 'rows')} by sex left out: not every area is given by sex, so every area's persons are used.`
		);
	if (count('earlier') > 0)
		notes.push(`${plural(count('earlier'), 'row', 'rows')} of earlier mid-years left out.`);
	if (aggregates.size > 0)
		notes.push(
			`${plural(aggregates.size, 'area', 'areas')} that add up others in the file (countries, regions, counties) left out, so no child is counted twice: ${listed([...aggregates].map((area) => `${names.get(area)} ${area}`))}.`
		);
	if (count('adults') > 0)
		notes.push(
			`${plural(count('adults'), 'row', 'rows')} of ages 18 and over or of all ages together left out.`
		);
	if (incomplete.length > 0)
		notes.push(
			`${plural(incomplete.length, 'area has', 'areas have')} not every single year of age 0 to 17 for mid-${latest}, so no population: ${listed(incomplete)}.`
		);
	if (oneSex.length > 0)
		notes.push(
			`${plural(oneSex.length, 'area has', 'areas have')} figures for one sex only, not both, so no population: ${listed(oneSex)}.`
		);
	if (count('duplicate') > 0)
		notes.push(
			`${plural(count('duplicate'), 'row repeats', 'rows repeat')} figures already read; the first is used.`
		);
	const outside = areas.filter((area) => !area.inReference);
	if (outside.length > 0) {
		notes.push(
			`${plural(outside.length, 'area is', 'areas are')} not in the current area reference, ${current.title} (${listed(outside.map((area) => `${area.name} ${area.code}`))}): loaded as the area reference, the file's areas replace it.`
		);
	}
	if (problems.length > 0)
		notes.push(
			`${plural(problems.length, 'row', 'rows')} without a year, an area code, a known sex or whole counts skipped (first: ${problems[0]}).`
		);
	return {
		layout,
		bySex,
		year: latest,
		rows,
		read,
		used: read - skippedRows.size,
		skipped: skippedRows.size,
		areas,
		notes
	};
}

const listed = (items: readonly string[]) =>
	items.length <= 12 ? items.join(', ') : `${items.slice(0, 12).join(', ')} and ${items.length - 12} more`;
