import type { Engine } from '$lib/engine/engine';
import type { Sql } from '$lib/sql/sql';
import { dataExtent, type DataExtent } from '$lib/sql/metrics/data-extent';
import { collectPage, dashboardPages, type DashboardPage } from './collect-page';
import { packPages, packReadings } from './pack-reading';
import type { PublishedNumber } from './published-number';
import { readerViews, type Partition, type ReaderView } from './reader-views';

/** What was shown for one number in publication mode: its text, the number read from it, or its symbol. */
export interface Shown {
	text: string;
	value: number | null;
	halfWidth: number;
	symbol?: string;
}

/**
 * One figure of one view: what publication mode shows for it (absent when it shows no such figure) and
 * its true value (the same figure with publication mode off; absent when that view does not show it).
 */
export interface Cell {
	view: string;
	id: string;
	kind: PublishedNumber['kind'];
	truth?: number;
	/** The rounding of the true figure as printed (0 for a count). */
	truthHalfWidth?: number;
	shown?: Shown;
	/** A sentence's figure its builder declares is not a count of records (a number of months). */
	notCount?: true;
}

/** Everything collected: the views, how they partition, and every figure of every page in every view. */
export interface Reading {
	views: ReaderView[];
	partitions: Partition[];
	cells: Cell[];
}

const shownOf = (number: PublishedNumber): Shown => ({
	text: number.text,
	value: number.value,
	halfWidth: number.halfWidth,
	...(number.symbol !== undefined ? { symbol: number.symbol } : {})
});

/**
 * An engine that answers each distinct query once: both modes of a view ask the same questions (publication
 * mode changes what is shown, not what is asked), so the second asks cost nothing. Each caller gets its own
 * copy of the rows.
 */
function answeringOnce(engine: Engine): Engine {
	const answers = new Map<string, Promise<object[]>>();
	return {
		...engine,
		query<Row extends object>(query: Sql): Promise<Row[]> {
			let answer = answers.get(query.text);
			if (!answer) answers.set(query.text, (answer = engine.query<Row>(query)));
			return answer.then((rows) => structuredClone(rows) as Row[]);
		}
	};
}

/** A reader reads "Selected districts" in a filtered view as the same row as "All districts" unfiltered. */
const sameFigure = (id: string) => id.replaceAll('Selected districts', 'All districts');

/**
 * Run every dashboard page for every reader view, and the board pack's sources for the packs the reader
 * reads (`pack-reading.ts`: two quarters, the partnership and one district), with publication mode on (what
 * is published) and off (the truth), on one engine. A page with no month/quarter choice is read once per
 * filter set.
 */
export async function gather(
	source: Engine,
	{ pages: readPages = true, pack = true }: { pages?: boolean; pack?: boolean } = {}
): Promise<Reading> {
	const engine = answeringOnce(source);
	const [extent] = await engine.query<DataExtent>(dataExtent());
	const { views, partitions } = readerViews(extent!.last_referral!);
	const pages = readPages ? await dashboardPages() : [];
	const cells: Cell[] = [];
	for (const view of views) {
		for (const page of pages) {
			if (view.grain !== 'month' && !page.usesGrain) continue;
			cells.push(...(await readView(engine, page, view)));
		}
	}
	if (pack) {
		for (const reading of packReadings(extent!, views)) {
			for (const page of packPages()) {
				const view = reading.views[page.period];
				if (!views.includes(view)) views.push(view);
				cells.push(...(await readView(engine, page, view)));
			}
		}
	}
	return { views, partitions, cells };
}

/** One page's figures in one view: what publication mode shows and, beside each, the truth. */
async function readView(engine: Engine, page: DashboardPage, view: ReaderView): Promise<Cell[]> {
	const cells: Cell[] = [];
	const run = (publication: boolean) =>
		collectPage(page, engine, { filters: view.filters, grain: view.grain, publication });
	const truth = new Map((await run(false)).map((number) => [number.id, number]));
	const published = await run(true);
	for (const number of published) {
		const known = truth.get(number.id);
		truth.delete(number.id);
		cells.push({
			view: view.name,
			id: sameFigure(number.id),
			kind: number.kind,
			...(number.notCount || known?.notCount ? { notCount: true as const } : {}),
			...(known?.value !== null && known?.value !== undefined
				? { truth: known.value, truthHalfWidth: known.halfWidth }
				: {}),
			shown: shownOf(number)
		});
	}
	// Figures shown only outside publication mode: unpublished, but still figures a reader may solve for.
	for (const known of truth.values())
		if (known.value !== null)
			cells.push({
				view: view.name,
				id: sameFigure(known.id),
				kind: known.kind,
				...(known.notCount ? { notCount: true as const } : {}),
				truth: known.value,
				truthHalfWidth: known.halfWidth
			});
	return cells;
}
