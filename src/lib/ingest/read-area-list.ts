import type { PopulationRow } from '../contract';
import { namedAreas, type AreaList } from './area-list';
import { normaliseKey } from './normalise-key';
import { isBlankRow, type RawCell, type RawTable } from './raw-table';

/** The headings of a simple areas file, by what they hold (normalised). */
const columns = {
	code: ['code', 'areacode', 'gsscode', 'ladcode', 'lacode', 'districtcode'],
	name: ['name', 'areaname', 'ladname', 'laname', 'district', 'area'],
	population: ['population', 'children', 'childpopulation', 'children017', 'aged0to17'],
	parent: ['parent', 'parentcode', 'la', 'localauthority', 'county'],
	year: ['year', 'midyear']
} as const;
const known = new Set(Object.values(columns).flat());

/**
 * A simple areas file: a code and a name per area, optionally the children aged 0 to 17, the parent local
 * authority and the year of the population. Recognised when it has a code and a name column and every
 * heading is one of these, so an extract with a "Name" column is never taken for one.
 */
export function recogniseAreaList(headers: readonly string[]): boolean {
	const keys = headers.map(normaliseKey).filter((key) => key !== '');
	const has = (names: readonly string[]) => keys.some((key) => names.includes(key));
	return has(columns.code) && has(columns.name) && keys.every((key) => known.has(key as never));
}

const text = (cell: RawCell | undefined) =>
	cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell ?? '').trim();

/**
 * Reads a simple areas file into an area list. A population, when given, is the children aged 0 to 17
 * (stored as age band "0-17", so rates for 10 to 17 are not computed); with no year column it stands for
 * every year (the rates take the nearest year's estimate, and this is the only one). A row without a code
 * or a name, a repeated code or a population that is not a whole number is skipped and said so.
 */
export async function readAreaList(
	raw: RawTable,
	fileName: string
): Promise<{ list: AreaList; read: number; skipped: number; notes: string[] }> {
	const keys = raw.headers.map(normaliseKey);
	const find = (names: readonly string[]) => keys.findIndex((key) => names.includes(key));
	const at = {
		code: find(columns.code),
		name: find(columns.name),
		population: find(columns.population),
		parent: find(columns.parent),
		year: find(columns.year)
	};
	const entries: { code: string; name: string; parent?: string; children?: number; year?: number }[] = [];
	const problems: string[] = [];
	let read = 0;
	for await (const batch of raw.batches) {
		for (const row of batch.rows) {
			if (isBlankRow(row.cells)) continue;
			read++;
			const code = text(row.cells[at.code]);
			const name = text(row.cells[at.name]);
			const parent = at.parent === -1 ? '' : text(row.cells[at.parent]);
			const count = at.population === -1 ? '' : text(row.cells[at.population]).replace(/,/g, '');
			const year = at.year === -1 ? '' : text(row.cells[at.year]);
			if (code === '' || name === '') problems.push(`data row ${row.row}: no code or no name`);
			else if (entries.some((entry) => entry.code === code))
				problems.push(`data row ${row.row}: code ${code} repeated`);
			else if (count !== '' && !/^\d+$/.test(count))
				problems.push(`data row ${row.row}: population "${count}" is not a whole number`);
			else if (year !== '' && !/^(19|20)\d{2}$/.test(year))
				problems.push(`data row ${row.row}: year "${year}" is not a year`);
			else
				entries.push({
					code,
					name,
					...(parent ? { parent } : {}),
					...(count !== '' ? { children: Number(count) } : {}),
					...(year !== '' ? { year: Number(year) } : {})
				});
		}
	}
	const { areas, codeOf } = namedAreas(entries);
	const population = entries.flatMap((entry): PopulationRow[] =>
		entry.children === undefined
			? []
			: [
					{
						district: codeOf.get(entry.code)!,
						// One figure for every year when the file names none: the rates use the nearest year's.
						year: entry.year ?? 2000,
						age_band: '0-17',
						sex: null,
						age: null,
						children: entry.children,
						source: `Areas file: ${fileName}`
					}
				]
	);
	const notes = [
		`Areas file: ${areas.length} area${areas.length === 1 ? '' : 's'}${population.length > 0 ? `, with the children aged 0 to 17 of ${population.length}` : ', with no population (rates per 10,000 children need one)'}.`,
		...(problems.length > 0
			? [
					`${problems.length} row${problems.length === 1 ? ' was' : 's were'} skipped (${problems.slice(0, 5).join('; ')}).`
				]
			: [])
	];
	return {
		list: { title: fileName.replace(/\.[a-z]+$/i, ''), areas, population },
		read,
		skipped: problems.length,
		notes
	};
}
