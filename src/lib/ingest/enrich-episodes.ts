import { genders, missingEpisodes, notRecordedArea, type AreaReference, type Gender } from '../contract';
import { ageInYears } from './age-in-years';
import { ageRule } from './age-rule';
import type { IngestResult } from './ingest-file';
import { withheld, type Issue } from './issue';
import { columnValue, type LoadedColumn } from './loaded-column';
import type { CarePeriod, HeaderChild, Ssda903Reference } from './read-ssda903-reference';

/** What one reference table did to the loaded missing episodes, said once for the user. */
export interface Enrichment {
	/** The reference file (header.csv). */
	readonly file: string;
	readonly kind: Ssda903Reference['kind'];
	/** Missing episodes considered (m) and those whose child the reference lists (n): "n of m". */
	readonly episodes: number;
	readonly matched: number;
	/** Episodes whose own value the reference contradicts: kept, each a warning. */
	readonly contradictions: number;
	readonly message: string;
}

const plural = (n: number, one: string, many = `${one}s`) =>
	`${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
const rule = ageRule(missingEpisodes)!;

/** The fields of one missing episode that enrichment reads and fills, as the contract types them. */
export interface EpisodeFields {
	episode_id: string;
	child_id: string;
	/** ISO yyyy-mm-dd. */
	start_date: string;
	sex: Gender | null;
	age_at_start: number | null;
	looked_after: boolean | null;
	district: string | null;
	/** The looked-after value was implied (a constant: an SSDA903 Missing table's), not read from a column. */
	readonly assumedLookedAfter: boolean;
}

/** The enrichable fields, in the order an UPDATE or a column write takes them. */
export const enrichedFields = ['sex', 'age_at_start', 'looked_after', 'district'] as const;

/** Whether a day falls in a period of care: from DECOM to DEC, both days included (DEC blank: still in care). */
const inCare = (day: string, periods: readonly CarePeriod[]) =>
	periods.some((period) => period.start <= day && (period.end === null || day <= period.end));

/**
 * Fills missing episodes' contract fields, in place, from an SSDA903 Header table (sex; date of birth → age
 * at the episode start, by the contract's age rule) or Episodes table (looked after at the start: the start
 * falls in one of the child's periods of care), and the area from a table's LA column where an episode has
 * none. Matching is by CHILD. Nothing is read, loaded or rejected here: an episode whose child the table does
 * not list is counted and left as it was; a value the episode records itself that the table contradicts is
 * kept, with a warning naming the reference row. A value the format only implied (looked after, for an
 * SSDA903 Missing table) is not the episode's own, so the Episodes table replaces it. Returns the account
 * and the indexes of the episodes changed. The same code serves a load (the worker, the CLI) and episodes
 * already in the engine (the Data page, when the table comes after the Missing table).
 */
export function enrichEpisodeFields(
	episodes: EpisodeFields[],
	reference: Ssda903Reference,
	areas: AreaReference
): { enrichment: Enrichment; warnings: Issue[]; changed: Set<number> } {
	const warnings: Issue[] = [];
	const located = new Map<string, (HeaderChild | CarePeriod)[]>();
	for (const row of reference.kind === 'header' ? reference.children : reference.periods) {
		const rows = located.get(row.child);
		if (!rows) located.set(row.child, [row]);
		else if (reference.kind === 'episodes') rows.push(row);
		else
			warnings.push({
				file: reference.fileName,
				row: row.row,
				line: row.line,
				column: 'CHILD',
				field: 'child_id',
				value: row.child,
				reason: `child ${row.child} is listed again (first on data row ${rows[0]!.row}): the first row is used`
			});
	}

	let matched = 0;
	let contradictions = 0;
	let unreadableAge = 0;
	let lookedAfterYes = 0;
	let areaSet = 0;
	const unknownAreas = new Set<string>();
	const changed = new Set<number>();
	for (const [index, fields] of episodes.entries()) {
		const id = fields.child_id;
		const rows = located.get(id);
		if (!rows) continue;
		matched++;
		const day = fields.start_date;
		const episode = fields.episode_id;
		const set = <K extends (typeof enrichedFields)[number]>(field: K, value: EpisodeFields[K]) => {
			if (fields[field] === value) return;
			fields[field] = value;
			changed.add(index);
		};
		const contradict = (
			on: HeaderChild | CarePeriod,
			column: string,
			field: string,
			value: string,
			what: string
		) => {
			contradictions++;
			warnings.push({
				file: reference.fileName,
				row: on.row,
				line: on.line,
				column,
				field,
				value,
				reason: `${what} for episode ${episode} (child ${id}): the episode's own value is kept`
			});
		};
		if (reference.kind === 'header') {
			const header = rows[0] as HeaderChild;
			const own = fields.sex;
			if (header.sex !== null && own === null) set('sex', header.sex);
			else if (header.sex !== null && own !== header.sex)
				contradict(
					header,
					'SEX',
					'sex',
					header.sexText,
					`the header gives sex ${genders.label(header.sex)}, the episode ${genders.label(own!)}`
				);
			if (header.dateOfBirth !== null) {
				const years = ageInYears(header.dateOfBirth, day);
				const ownAge = fields.age_at_start;
				if (years < rule.age.min || years > rule.age.max) {
					unreadableAge++;
					warnings.push({
						file: reference.fileName,
						row: header.row,
						line: header.line,
						column: 'DOB',
						field: 'age_at_start',
						value: withheld,
						reason: `the date of birth gives an age of ${years} at the start of episode ${episode}, outside ${rule.age.min}–${rule.age.max}: not used`
					});
				} else if (ownAge === null) set('age_at_start', years);
				else if (ownAge !== years)
					contradict(
						header,
						'DOB',
						'age_at_start',
						withheld,
						`the header's date of birth gives age ${years}, the episode ${ownAge}`
					);
			}
		} else {
			const status = inCare(day, rows as CarePeriod[]);
			if (status) lookedAfterYes++;
			const own = fields.looked_after;
			if (own === null || fields.assumedLookedAfter || own === status) set('looked_after', status);
			else
				contradict(
					rows[0]!,
					'DECOM',
					'looked_after',
					id,
					`the episodes table has the child ${status ? 'in' : 'out of'} care on ${day}, the episode says ${own ? 'looked after' : 'not looked after'}`
				);
		}
		// The local authority, where the table names one and the episode has no area.
		const area = rows.find((row) => row.area !== null)?.area;
		const ownArea = fields.district;
		if (area && (ownArea === null || ownArea === notRecordedArea.code)) {
			const code = areas.resolve(area);
			if (code !== undefined) {
				set('district', code);
				areaSet++;
			} else unknownAreas.add(area);
		}
	}

	const unmatched = episodes.length - matched;
	const label = reference.kind === 'header' ? 'header' : 'episodes table';
	const fields =
		reference.kind === 'header'
			? [
					reference.children.some((row) => row.sex !== null) ? 'Sex' : null,
					reference.children.some((row) => row.dateOfBirth !== null) ? 'age' : null
				]
					.filter(Boolean)
					.join(' and ')
					.replace(/^age/, 'Age') || 'Nothing'
			: 'Looked-after status at the start';
	const parts = [
		`${fields} added to ${matched.toLocaleString('en-GB')} of ${plural(episodes.length, 'missing episode')} from ${reference.fileName}`,
		...(reference.kind === 'episodes' && matched > 0
			? [
					`${lookedAfterYes.toLocaleString('en-GB')} began in a period of care, ${(matched - lookedAfterYes).toLocaleString('en-GB')} outside one`
				]
			: []),
		...(unmatched > 0
			? [
					`${unmatched === 1 ? "1 episode's child is" : `${unmatched.toLocaleString('en-GB')} episodes' children are`} not in the ${label}${reference.kind === 'episodes' ? ' (status unchanged)' : ''}`
				]
			: []),
		...(contradictions > 0
			? [
					`${plural(contradictions, 'value')} the ${label} contradicts (the episode's own value is kept; see the warnings)`
				]
			: []),
		...(unreadableAge > 0 ? [`${plural(unreadableAge, 'age')} out of range not used`] : []),
		...(areaSet > 0 ? [`area set for ${plural(areaSet, 'episode')} from its LA column`] : []),
		...(unknownAreas.size > 0
			? [
					`LA ${[...unknownAreas].map((area) => `"${area}"`).join(', ')} not in the area reference (${areas.title}), so no area was set from it`
				]
			: [])
	];
	const enrichment: Enrichment = {
		file: reference.fileName,
		kind: reference.kind,
		episodes: episodes.length,
		matched,
		contradictions,
		message: `${parts.join('; ')}.`
	};
	return { enrichment, warnings, changed };
}

/** Mutable copies of the columns enrichment fills, so the loaded result itself is never changed. */
function copy(column: LoadedColumn): LoadedColumn {
	switch (column.kind) {
		case 'enum':
			return { ...column, indexes: column.indexes.slice() };
		case 'integer':
			return { ...column, values: column.values.slice(), valid: column.valid.slice() };
		case 'boolean':
			return { ...column, values: column.values.slice() };
		default:
			return column;
	}
}

function setValue(column: LoadedColumn, index: number, value: string | number | boolean | null): void {
	if (column.kind === 'enum') {
		const at = value === null ? -1 : column.codes.indexOf(value as string);
		// A code the column does not hold (an area outside the load's reference) leaves the value as it was.
		if (value === null || at >= 0) column.indexes[index] = at + 1;
	} else if (column.kind === 'integer') {
		column.values[index] = value === null ? 0 : (value as number);
		column.valid[index] = value === null ? 0 : 1;
	} else if (column.kind === 'boolean') {
		column.values[index] = value === null ? 0 : value ? 2 : 1;
	}
}

/**
 * Loaded missing episodes enriched from SSDA903 reference tables, in the order given (see
 * `enrichEpisodeFields`); each table's account is added to `enrichments` and its contradictions to `warnings`.
 */
export function enrichEpisodes(
	result: IngestResult,
	references: readonly Ssda903Reference[],
	areas: AreaReference
): IngestResult {
	if (result.table !== 'missing_episodes') throw new Error('Only missing episodes are enriched');
	const value = (name: string, index: number) => columnValue(result.columns[name]!, index);
	// Rows whose looked-after value came from a constant (the format's or the user's) rather than a column.
	const assumed = new Uint8Array(result.loaded);
	let offset = 0;
	for (const file of result.files) {
		if (file.constants.looked_after !== undefined) assumed.fill(1, offset, offset + file.loaded);
		offset += file.loaded;
	}
	const episodes: EpisodeFields[] = Array.from({ length: result.loaded }, (_, index) => ({
		episode_id: value('episode_id', index) as string,
		child_id: value('child_id', index) as string,
		start_date: value('start_date', index) as string,
		sex: value('sex', index) as Gender | null,
		age_at_start: value('age_at_start', index) as number | null,
		looked_after: value('looked_after', index) as boolean | null,
		district: value('district', index) as string | null,
		assumedLookedAfter: assumed[index] === 1
	}));
	const enrichments: Enrichment[] = [];
	const warnings: Issue[] = [];
	const changed = new Set<number>();
	for (const reference of references) {
		const applied = enrichEpisodeFields(episodes, reference, areas);
		enrichments.push(applied.enrichment);
		warnings.push(...applied.warnings);
		for (const index of applied.changed) changed.add(index);
	}
	const columns: Record<string, LoadedColumn> = { ...result.columns };
	for (const name of enrichedFields) columns[name] = copy(result.columns[name]!);
	for (const index of changed)
		for (const name of enrichedFields) setValue(columns[name]!, index, episodes[index]![name]);
	return {
		...result,
		columns,
		warnings: [...result.warnings, ...warnings],
		enrichments: [...(result.enrichments ?? []), ...enrichments]
	};
}
