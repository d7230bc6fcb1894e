import type { PopulationSex } from '../contract';
import { normaliseKey } from './normalise-key';

/** Whom a population figure counts: one sex, or both together (persons). */
export type PopulationSexKey = PopulationSex | 'persons';

/** A heading that holds one single year of age (wide layout), for one sex or for persons. */
export interface AgeColumn {
	readonly index: number;
	readonly age: number;
	/** From the heading ("M0", "Females 0"); null: the row's sex (its sex column, or persons). */
	readonly sex: PopulationSexKey | null;
}

/** Where each part of a population file is, by column index (-1: absent). */
export interface PopulationColumns {
	readonly code: number;
	readonly name: number;
	readonly year: number;
	readonly sex: number;
	/** Long layout: the single year of age of the row. */
	readonly age: number;
	/** Long layout: the count; with years in columns ("population_2022"), the latest year's column. */
	readonly count: number;
	/** The mid-year of `count` when the year is its heading, else null. */
	readonly countYear: number | null;
	/** Years given as count columns, ascending (ONS MYEB: population_2011 … population_2022). */
	readonly countYears: readonly number[];
	/** Wide layout: one column per single year of age (and per sex, where the headings say it). */
	readonly ages: readonly AgeColumn[];
	readonly layout: 'wide' | 'long';
}

const sexWords: Readonly<Record<string, PopulationSexKey>> = {
	persons: 'persons',
	person: 'persons',
	people: 'persons',
	all: 'persons',
	allpersons: 'persons',
	allpeople: 'persons',
	total: 'persons',
	both: 'persons',
	bothsexes: 'persons',
	p: 'persons',
	t: 'persons',
	male: 'male',
	males: 'male',
	m: 'male',
	boys: 'male',
	female: 'female',
	females: 'female',
	f: 'female',
	girls: 'female'
};

/**
 * The sex of a cell of a sex column: words ("Persons", "Males", "F") or the ONS and Nomis codes (0 all
 * persons, 1 male, 2 female). Undefined when it is none of these.
 */
export function sexOfCell(text: string): PopulationSexKey | undefined {
	const key = normaliseKey(text);
	if (key === '0') return 'persons';
	if (key === '1') return 'male';
	if (key === '2') return 'female';
	return sexWords[key];
}

/** The sex a sheet's name gives in whole words (ONS MYE2 workbooks: "MYE2 - Males"), else undefined. */
export function sexOfSheet(sheet: string | null): PopulationSexKey | undefined {
	// Single letters ("Table 1 - P") are too weak a sign: words of two letters or more only.
	const words = (sheet ?? '').toLowerCase().match(/[a-z]{2,}/g) ?? [];
	const found = new Set(words.map((word) => sexWords[word]).filter((sex) => sex !== undefined));
	return found.size === 1 ? [...found][0] : undefined;
}

/**
 * The single year of age a cell or heading states: "0", "17", "Age 5", "Aged 5", "5 years", "90+", "Aged 90
 * and over". Null for anything else: "All ages", a band ("0-4", "Aged 0 to 15"), a blank.
 */
export function singleYearOfAge(text: string): number | null {
	const match = /^(?:age|aged)?(\d{1,3})(?:years?|yearsold|plus|andover|ormore)?$/.exec(
		normaliseKey(text.replace(/\+/g, 'plus'))
	);
	return match ? Number(match[1]) : null;
}

/** A heading naming a single year of age for one sex ("M0", "F_17", "Males 5", "Female aged 5"). */
function ageHeading(heading: string): { age: number; sex: PopulationSexKey | null } | null {
	const key = normaliseKey(heading.replace(/\+/g, 'plus'));
	const age = singleYearOfAge(heading);
	if (age !== null) return { age, sex: null };
	const match = /^(males?|females?|persons|m|f|p)(?:age|aged)?(\d{1,3})(?:plus|andover)?$/.exec(key);
	if (!match) return null;
	return { age: Number(match[2]), sex: sexWords[match[1]!] ?? null };
}

/** A heading that is a mid-year: "2022", "mid_2022", "population_2022", "Mid-2022 estimate". */
function yearHeading(heading: string): number | null {
	const match =
		/^(?:mid|midyear|population|pop|estimate|persons|count)?((?:19|20)\d{2})(?:estimate|population)?$/.exec(
			normaliseKey(heading)
		);
	return match ? Number(match[1]) : null;
}

const codeHeading = (key: string) =>
	['areacode', 'geographycode', 'code', 'gsscode', 'administrativegeography', 'mnemonic'].includes(key) ||
	/^(?:lad|la|ltla|utla|ctyua|cty|ua|lau|area|geog|geography)\d{0,4}(?:code|cd)\d{0,4}$/.test(key);
const nameHeading = (key: string) =>
	['areaname', 'geographyname', 'name', 'area', 'localauthority'].includes(key) ||
	/^(?:lad|la|ltla|utla|ctyua|cty|ua|lau|area|geog|geography)\d{0,4}(?:name|nm)\d{0,4}$/.test(key);

/** The first column whose heading passes `test`, preferring earlier `names` when given. */
function findColumn(
	keys: readonly string[],
	names: readonly string[],
	test?: (key: string) => boolean
): number {
	const byName = names.map((name) => keys.indexOf(name)).find((index) => index !== -1);
	if (byName !== undefined) return byName;
	return test ? keys.findIndex(test) : -1;
}

/**
 * Where the parts of an ONS or Nomis population file are, or null when the headings are not one. Wide
 * layouts have a column for each single year of age 0 to 17 (ONS MYE2 and Nomis: "0" … "90+", "Age 0" …;
 * or by sex, "M0" … "F90"); long layouts have an age column and a count column, one row per area, sex and
 * age (Nomis, ONS MYEB with years as columns "population_2011" … and the ONS API's "v4_0"). Either needs an
 * area code column.
 */
export function populationColumns(headers: readonly string[]): PopulationColumns | null {
	const keys = headers.map(normaliseKey);
	const code = findColumn(keys, [], codeHeading);
	if (code === -1) return null;
	// Nomis calls the area's name "Geography"; the ONS tables use that heading for its type.
	const name = findColumn(keys, ['areaname', 'geographyname', 'name', 'laname', 'ladname'], (key) =>
		nameHeading(key)
	);
	const nameOrGeography = name !== -1 ? name : keys.indexOf('geography');
	const year = findColumn(keys, ['period', 'year', 'midyear', 'date', 'datename', 'calendaryears', 'time']);
	const sex = findColumn(keys, ['sex', 'gender', 'sexname', 'gendername', 'csexname', 'csex']);
	const ages: AgeColumn[] = [];
	headers.forEach((heading, index) => {
		if (index === code || index === year) return;
		const found = ageHeading(heading);
		if (found && found.age <= 120) ages.push({ index, ...found });
	});
	const wide = (['persons', 'male', 'female', null] as const).some((sexKey) =>
		Array.from({ length: 18 }, (_, age) => age).every((age) =>
			ages.some((column) => column.age === age && column.sex === sexKey)
		)
	);
	const countYears = headers
		.map((heading, index) => ({ index, year: yearHeading(heading) }))
		.filter(
			(column): column is { index: number; year: number } => column.year !== null && column.index !== code
		);
	const latest = countYears.reduce<{ index: number; year: number } | null>(
		(best, column) => (best === null || column.year > best.year ? column : best),
		null
	);
	const countByName = findColumn(keys, [
		'obsvalue',
		'population',
		'count',
		'value',
		'v40',
		'estimate',
		'observation',
		'persons',
		'people'
	]);
	const count = countByName !== -1 ? countByName : (latest?.index ?? -1);
	const age = findColumn(keys, ['age', 'agename', 'cagename', 'singleyearofage', 'ageyears', 'cage']);
	if (wide) {
		return {
			code,
			name: nameOrGeography,
			year,
			sex,
			age: -1,
			count: -1,
			countYear: null,
			countYears: [],
			ages: ages.filter((column) => column.age <= 17),
			layout: 'wide'
		};
	}
	if (age === -1 || count === -1) return null;
	return {
		code,
		name: nameOrGeography,
		year,
		sex,
		age,
		count,
		countYear: countByName === -1 ? (latest?.year ?? null) : null,
		countYears: countByName === -1 ? countYears.map((column) => column.year).sort((a, b) => a - b) : [],
		ages: [],
		layout: 'long'
	};
}
