import { gunzipSync, gzipSync } from 'node:zlib';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Cell, Reading } from './gather';
import { isSymbol, readNumber } from './published-number';

/**
 * A reading kept as a file: the views, and for every whole-number figure its true value and what publication
 * mode showed (the text; a number or a symbol is read back from it). Ids are listed once and referred to by
 * index; the JSON is gzipped (a reading holds about a hundred thousand figures).
 */
interface Frozen {
	about: string;
	views: Reading['views'];
	partitions: Reading['partitions'];
	ids: string[];
	/** [view index, id index, 0 table | 1 text, true value, text shown or null when not shown] */
	cells: [number, number, 0 | 1, number, string | null][];
}

/** Keep a reading's whole-number figures (the counts the reader works on) in a gzipped JSON file. */
export function freezeReading(reading: Reading, path: string, about: string): void {
	const views = reading.views.map((view) => view.name);
	const ids: string[] = [];
	const idIndex = new Map<string, number>();
	const cells: Frozen['cells'] = [];
	for (const cell of reading.cells) {
		if (cell.truth === undefined || cell.truthHalfWidth !== 0 || !Number.isInteger(cell.truth)) continue;
		let id = idIndex.get(cell.id);
		if (id === undefined) {
			idIndex.set(cell.id, (id = ids.length));
			ids.push(cell.id);
		}
		cells.push([
			views.indexOf(cell.view),
			id,
			cell.kind === 'table' ? 0 : 1,
			cell.truth,
			cell.shown?.text ?? null
		]);
	}
	const frozen: Frozen = { about, views: reading.views, partitions: reading.partitions, ids, cells };
	writeFileSync(path, gzipSync(JSON.stringify(frozen), { level: 9 }));
}

/** A reading kept by `freezeReading`. */
export function thawReading(path: string): Reading & { about: string } {
	const frozen = JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as Frozen;
	const cells = frozen.cells.map(([view, id, kind, truth, text]): Cell => {
		const cell: Cell = {
			view: frozen.views[view]!.name,
			id: frozen.ids[id]!,
			kind: kind === 0 ? 'table' : 'text',
			truth,
			truthHalfWidth: 0
		};
		if (text !== null) {
			const read = readNumber(text);
			cell.shown = isSymbol(text)
				? { text, value: null, halfWidth: 0, symbol: text }
				: { text, value: read?.value ?? null, halfWidth: read?.halfWidth ?? 0 };
		}
		return cell;
	});
	return { about: frozen.about, views: frozen.views, partitions: frozen.partitions, cells };
}
