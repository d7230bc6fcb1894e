import { missingEpisodes } from '../../src/lib/contract';
import type { ChildStore } from './child-store';
import { columnarTable, NULL_CODE, NULL_INT, type ColumnarTable } from './columnar-table';
import { ageOn } from './day-number';
import type { EpisodeStore } from './episode-store';

export interface EpisodeWindow {
	readonly start: number;
	readonly extract: number;
}

const idWidth = (rows: number): number => Math.max(7, String(rows).length);

/**
 * The `missing_episodes` table as known on the extract date: episodes that started inside the window, in
 * start-date order (ids M0000001 …). An episode not over by the extract date has a blank end and no return
 * home interview yet; an interview after the extract date has not happened yet.
 */
export function episodeTable(
	children: ChildStore,
	episodes: EpisodeStore,
	window: EpisodeWindow,
	childId: (child: number) => string
): ColumnarTable {
	// Counting sort on the start day: date order, ties in simulation order, linear time at a million rows.
	const starts = episodes.start.view();
	const days = window.extract - window.start + 1;
	const offsets = new Int32Array(days + 1);
	for (const day of starts)
		if (day >= window.start && day <= window.extract) offsets[day - window.start + 1]!++;
	for (let d = 0; d < days; d++) offsets[d + 1]! += offsets[d] ?? 0;
	const selected = new Int32Array(offsets[days] ?? 0);
	starts.forEach((day, e) => {
		if (day >= window.start && day <= window.extract) selected[offsets[day - window.start]!++] = e;
	});
	const n = selected.length;
	const child = new Int32Array(n);
	const start = new Int32Array(n);
	const end = new Int32Array(n);
	const type = new Uint8Array(n);
	const age = new Int32Array(n);
	const lookedAfter = new Uint8Array(n);
	const district = new Uint8Array(n);
	const offered = new Uint8Array(n);
	const accepted = new Uint8Array(n);
	const interview = new Int32Array(n);
	selected.forEach((e, row) => {
		const c = episodes.child.get(e);
		const began = episodes.start.get(e);
		const returned = episodes.end.get(e);
		const open = returned > window.extract;
		const lookedAfterFrom = children.lookedAfterFrom.get(c);
		const rhiDay = episodes.rhiDay.get(e);
		child[row] = c;
		start[row] = began;
		end[row] = open ? NULL_INT : returned;
		type[row] = episodes.type.get(e);
		age[row] = ageOn(children.birth.get(c), began);
		lookedAfter[row] = lookedAfterFrom !== NULL_INT && lookedAfterFrom <= began ? 1 : 0;
		district[row] = children.district.get(c);
		offered[row] = open ? NULL_CODE : episodes.rhiOffered.get(e);
		accepted[row] = open ? NULL_CODE : episodes.rhiAccepted.get(e);
		interview[row] = open || rhiDay === NULL_INT || rhiDay > window.extract ? NULL_INT : rhiDay;
	});
	const width = idWidth(n);
	const codes = (name: string): readonly string[] => {
		const field = missingEpisodes.field(name);
		if (field.kind !== 'enum') throw new Error(`missing_episodes.${name} is not an enum`);
		return field.values.codes;
	};
	return columnarTable(
		missingEpisodes,
		n,
		{
			episode_id: { kind: 'text', value: (row) => `M${String(row + 1).padStart(width, '0')}` },
			child_id: { kind: 'text', value: (row) => childId(child[row] ?? 0) },
			start_date: { kind: 'date', values: start },
			end_date: { kind: 'date', values: end },
			episode_type: { kind: 'enum', codes: codes('episode_type'), indices: type },
			age_at_start: { kind: 'integer', values: age },
			looked_after: { kind: 'boolean', values: lookedAfter },
			district: { kind: 'enum', codes: codes('district'), indices: district },
			rhi_offered: { kind: 'boolean', values: offered },
			rhi_accepted: { kind: 'boolean', values: accepted },
			rhi_date: { kind: 'date', values: interview }
		},
		// The demo records dates only, as most extracts do: "within 72 hours" is then read from the dates.
		// Its children's gender is in the referrals table; the episodes table carries no sex, as many don't.
		['return_time', 'rhi_time', 'sex']
	);
}
