import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Engine } from '$lib/engine/engine';
import type { PageContext, PageDefinition } from '$lib/page/define-page';
import type { ChartSpec } from '$lib/page/chart-spec';
import { tableToCsv, type CsvColumn } from '$lib/export/table-to-csv';
import { runPage, type PageView } from '../helpers/page';
import {
	declaredNotCount,
	isSymbol,
	readNumber,
	sentenceFigures,
	type PublishedNumber
} from './published-number';

/** A dashboard page: its definition and the steps its `+page.svelte` shows (`view.x`). */
export interface DashboardPage {
	name: string;
	definition: PageDefinition<PageContext>;
	shown: string[];
	/** Whether the page offers a month/quarter choice (its markup reads `view.grain`). */
	usesGrain: boolean;
}

/** Steps a page reads that hold no figure: loading flags, errors, the data's extent and the raw windows. */
const plumbing = /Loading$|^error$|^extent$|^windows$|^last$|^grain$/;

/**
 * Every dashboard page, found as a reader finds them: each route folder whose `+page.svelte` binds a page
 * definition with `livePage(x)`, and the steps that markup reads.
 */
export async function dashboardPages(): Promise<DashboardPage[]> {
	const modules = import.meta.glob<Record<string, unknown>>([
		'/src/routes/*-page.ts',
		'/src/routes/*/*-page.ts'
	]);
	const pages: DashboardPage[] = [];
	for (const [path, load] of Object.entries(modules).sort()) {
		const folder = path.slice(0, path.lastIndexOf('/'));
		let markup: string;
		try {
			markup = readFileSync(`.${folder}/+page.svelte`, 'utf8');
		} catch {
			continue;
		}
		const bound = /livePage\((\w+)\)/.exec(markup)?.[1];
		if (!bound) continue;
		const definition = (await load())[bound] as PageDefinition<PageContext> | undefined;
		if (!definition) continue;
		const shown = [...new Set([...markup.matchAll(/\bview\.(\w+)/g)].map((match) => match[1]!))].filter(
			(step) => !plumbing.test(step)
		);
		const name = folder === '/src/routes' ? 'overview' : folder.slice(folder.lastIndexOf('/') + 1);
		pages.push({ name, definition, shown, usesGrain: /\bview\.grain\b/.test(markup) });
	}
	return pages;
}

function isChartSpec(value: unknown): value is ChartSpec {
	return (
		typeof value === 'object' &&
		value !== null &&
		Array.isArray((value as ChartSpec).columns) &&
		Array.isArray((value as ChartSpec).rows) &&
		typeof (value as ChartSpec).title === 'string'
	);
}

/** The table exactly as its CSV download holds it: header and cells as text. */
function csvTable(spec: ChartSpec, publication: boolean): string[][] {
	const csv = tableToCsv(
		{ title: spec.title, filters: '', source: '', asAt: '', publication },
		spec.columns as CsvColumn[],
		spec.rows as object[]
	);
	const body = csv.replace(/^\uFEFF/, '').split('\r\n\r\n')[1] ?? '';
	return Papa.parse<string[]>(body.trim(), { header: false }).data;
}

/** A label for an element of a list shown on a page: its key or label when it has one, else its index. */
function elementName(element: unknown, index: number): string {
	if (typeof element === 'object' && element !== null) {
		for (const key of ['key', 'id', 'area', 'label', 'measure', 'name']) {
			const value = (element as Record<string, unknown>)[key];
			if (typeof value === 'string') return value;
		}
	}
	return String(index);
}

/**
 * Every number one page shows for one view: every table cell (through the CSV the page downloads), and
 * every figure in every sentence (titles, summaries, captions, headline cards, signal lists and notes).
 */
export async function collectPage(
	page: DashboardPage,
	engine: Engine,
	view: PageView
): Promise<PublishedNumber[]> {
	const scope = (await runPage(page.definition, engine, view)) as unknown as Record<string, unknown>;
	const found: PublishedNumber[] = [];
	const seen = new Map<string, number>();
	const add = (entry: Omit<PublishedNumber, 'id' | 'page'>) => {
		let id = `${page.name}|${entry.step}|${entry.row}|${entry.column}`;
		const times = seen.get(id) ?? 0;
		seen.set(id, times + 1);
		if (times > 0) id += `#${times + 1}`;
		found.push({ id, page: page.name, ...entry });
	};
	const sentence = (step: string, path: string, text: string, notCounts: readonly string[] = []) => {
		for (const { text: shown, context, following } of sentenceFigures(text)) {
			const read = readNumber(shown);
			if (read)
				add({
					step,
					row: path,
					column: context,
					text: shown,
					...read,
					kind: 'text',
					...(declaredNotCount(following, notCounts) ? { notCount: true as const } : {})
				});
		}
	};
	const table = (step: string, path: string, spec: ChartSpec) => {
		const [header, ...rows] = csvTable(spec, view.publication ?? false);
		if (!header) return;
		// The row's name: its first column, then as many of the other columns that are not numeric (district,
		// label) as it takes to tell the rows apart; a status column ("Common cause", "SPC not shown") that
		// changes with the mode is not part of a row's name.
		// A numeric first column (a rank, an age) names the row only when the labels need it: a rank changes
		// from view to view, so "2" is not the same row everywhere.
		const keys: number[] = [];
		const labels = () => new Set(rows.map((cells) => keys.map((index) => cells[index] ?? '').join(' / ')));
		for (const [index, column] of spec.columns.entries()) {
			if (keys.length > 0 && labels().size === rows.length) break;
			if (!column.numeric) keys.push(index);
		}
		if (keys.length === 0 || labels().size < rows.length) keys.unshift(0);
		for (const cells of rows) {
			const label = keys.map((index) => cells[index] ?? '').join(' / ');
			spec.columns.forEach((column, index) => {
				if (keys.includes(index)) return;
				const text = cells[index] ?? '';
				const row = `${path}${label}`;
				if (isSymbol(text)) {
					add({
						step,
						row,
						column: header[index]!,
						text,
						value: null,
						halfWidth: 0,
						symbol: text,
						kind: 'table'
					});
					return;
				}
				const read = readNumber(text);
				if (read) add({ step, row, column: header[index]!, text, ...read, kind: 'table' });
			});
		}
	};
	const walk = (step: string, path: string, value: unknown) => {
		if (typeof value === 'string') sentence(step, path || 'text', value);
		else if (Array.isArray(value))
			value.forEach((element, index) => walk(step, `${path}[${elementName(element, index)}]`, element));
		else if (isChartSpec(value)) {
			for (const field of ['title', 'summary', 'caption'] as const) {
				const text = value[field];
				if (typeof text === 'string') sentence(step, `${path}${field}`, text, value.notCounts);
			}
			table(step, path, value);
		} else if (typeof value === 'object' && value !== null) {
			for (const [key, inner] of Object.entries(value)) {
				if (typeof inner === 'function' || key === 'loading') continue;
				walk(step, `${path}${key}.`, inner);
			}
		}
	};
	for (const step of page.shown) walk(step, '', scope[step]);
	return found;
}
