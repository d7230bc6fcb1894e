import type { Cell, Reading } from './gather';

/** A figure of one view, as a variable of the reader's equations: `view␟id`. */
export const variable = (view: string, id: string) => `${view}\u241f${id}`;

/** A linear equation the reader knows between true figures: Σ coefficient × value = 0. */
export interface Relation {
	/** The rule it instantiates (e.g. `districts|children|pyramidChart|Referrals`), for reports. */
	rule: string;
	/** The total first (coefficient 1), then its parts (coefficient −1). */
	terms: [string, number][];
}

/** A figure printed as a whole number (no decimals, no percentage). */
const isWhole = (cell: Cell) =>
	cell.truth !== undefined && cell.truthHalfWidth === 0 && Number.isInteger(cell.truth) && cell.truth >= 0;

/**
 * Table columns that describe their row rather than count anything: the same true value for the same row in
 * every view that shows it ("number of indicators" of a combination), or a rank (1 … n in every view).
 */
export function attributeColumns(reading: Reading): Set<string> {
	const values = new Map<string, number>();
	const varies = new Set<string>();
	const seen = new Set<string>();
	for (const cell of reading.cells) {
		if (cell.kind !== 'table' || !isWhole(cell)) continue;
		const { page, step, column } = parts(cell.id);
		const table = `${page}|${step}|${column}`;
		seen.add(table);
		const before = values.get(cell.id);
		if (before === undefined) values.set(cell.id, cell.truth!);
		else if (before !== cell.truth) varies.add(table);
	}
	// A rank: in every view, the column's values are 1, 2, … n, each once.
	const columnValues = new Map<string, number[]>();
	for (const cell of reading.cells) {
		if (cell.kind !== 'table' || !isWhole(cell)) continue;
		const { page, step, column } = parts(cell.id);
		const key = `${cell.view}␟${page}|${step}|${column}`;
		let list = columnValues.get(key);
		if (!list) columnValues.set(key, (list = []));
		list.push(cell.truth!);
	}
	const ranks = new Map<string, boolean>();
	for (const [key, list] of columnValues) {
		const table = key.slice(key.indexOf('␟') + 1);
		const sorted = [...list].sort((a, b) => a - b);
		const isRank = sorted.every((value, index) => value === index + 1);
		ranks.set(table, (ranks.get(table) ?? true) && isRank);
	}
	return new Set([
		...[...seen].filter((table) => !varies.has(table)),
		...[...ranks].filter(([, isRank]) => isRank).map(([table]) => table)
	]);
}

/**
 * The figures that are counts: whole numbers, in a table column that counts or in a sentence, unless the
 * sentence's builder declares the figure is not a count of records (a number of months, a run length).
 */
export function countFilter(reading: Reading): (cell: Cell) => boolean {
	const attributes = attributeColumns(reading);
	return (cell) => {
		if (!isWhole(cell) || cell.notCount) return false;
		if (cell.kind !== 'table') return true;
		const { page, step, column } = parts(cell.id);
		return !attributes.has(`${page}|${step}|${column}`);
	};
}

/** `page|step|row|column` of an id. */
function parts(id: string): { page: string; step: string; row: string; column: string } {
	const [page = '', step = '', row = '', ...column] = id.split('|');
	return { page, step, row, column: column.join('|') };
}

/** Subsets of `items` with between `min` and `max` members, smallest first. */
function* subsets<T>(items: readonly T[], min: number, max: number): Generator<T[]> {
	const n = items.length;
	for (let size = min; size <= Math.min(max, n); size++) {
		const index = Array.from({ length: size }, (_, i) => i);
		for (;;) {
			yield index.map((i) => items[i]!);
			let i = size - 1;
			while (i >= 0 && index[i] === n - size + i) i--;
			if (i < 0) break;
			index[i]!++;
			for (let j = i + 1; j < size; j++) index[j] = index[j - 1]! + 1;
		}
	}
}

/**
 * A rule holds only if every instance of it holds on the true figures: the reader knows which figures add
 * up (every district is the sum of the districts, a quarter the sum of its months, "any intervention" the sum
 * of the kinds), and a rule that fails anywhere is not one the reader can rely on. Candidate rules come from
 * the structure of what is shown (views that partition each other, rows and columns of a table, the figures
 * of a sentence); the truth only decides which candidates are rules.
 */
class Rules {
	private readonly rules = new Map<string, { holds: boolean; instances: [string, number][][] }>();

	constructor(private readonly truth: Map<string, number>) {}

	/** One instance of a rule: `total = Σ parts`, each a variable; ignored when a figure is not a count. */
	add(rule: string, total: string, parts: readonly string[]): void {
		const value = this.truth.get(total);
		const values = parts.map((part) => this.truth.get(part));
		if (value === undefined || values.some((one) => one === undefined)) return;
		let entry = this.rules.get(rule);
		if (!entry) this.rules.set(rule, (entry = { holds: true, instances: [] }));
		if (!entry.holds) return;
		if (values.reduce((a, b) => a! + b!, 0) !== value) {
			entry.holds = false;
			entry.instances = [];
			return;
		}
		entry.instances.push([[total, 1], ...parts.map((part): [string, number] => [part, -1])]);
	}

	/** Every instance of every rule that held everywhere and was seen at least `minimum(rule)` times. */
	relations(minimum: (rule: string) => number): Relation[] {
		const out: Relation[] = [];
		for (const [rule, { holds, instances }] of this.rules)
			if (holds && instances.length >= minimum(rule))
				for (const terms of instances) out.push({ rule, terms });
		return out;
	}
}

const monthNames = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
];

/** "Q1 2024-25" (a financial quarter) or "Apr–Jun 2024" → its months as shown ("April 2024", …). */
function quarterMonths(label: string): string[] | undefined {
	const financial = /^Q([1-4]) (\d{4})-\d{2}$/.exec(label);
	const calendar = /^([A-Z][a-z]{2})[a-z]?(?:–| to )[A-Z][a-z]{2,3} (\d{4})$/.exec(label);
	let first: number;
	let year: number;
	if (financial) {
		const quarter = Number(financial[1]);
		year = Number(financial[2]) + (quarter === 4 ? 1 : 0);
		first = quarter === 4 ? 0 : 3 * quarter;
	} else if (calendar) {
		first = monthNames.findIndex((name) => name.startsWith(calendar[1]!));
		year = Number(calendar[2]);
		if (first < 0 || first % 3 !== 0) return undefined;
	} else return undefined;
	return [0, 1, 2].map((offset) => `${monthNames[first + offset]} ${year}`);
}

/**
 * Every linear equation a reader can write between the figures collected, found from the structure of the
 * pages and views and kept where it holds on the true figures (see `Rules`):
 * - views: the whole view of a figure is the sum of the same figure in the views that partition it;
 * - rows: within a table column, a row is the sum of other rows sharing the rest of their label (a total
 *   row, "any intervention" over the kinds, every district over the districts in a month);
 * - columns: within a table, a column is the sum of other columns in every row (a total column, cumulative
 *   stages, or the same count shown twice);
 * - grain: a quarter is the sum of its months (views read at both grains);
 * - sentences: a figure is the sum of other figures of the same sentence ("Of 282 … 251 … 29 …").
 */
export function findRelations(reading: Reading): Relation[] {
	let found = learned.get(reading);
	if (!found) learned.set(reading, (found = learnRelations(reading)));
	return found;
}

/** Relations already learned from a reading (learning them takes seconds). */
const learned = new WeakMap<Reading, Relation[]>();

function learnRelations(reading: Reading): Relation[] {
	const counts = reading.cells.filter(countFilter(reading));
	const truth = new Map(counts.map((cell) => [variable(cell.view, cell.id), cell.truth!]));
	const byView = new Map<string, Cell[]>();
	for (const cell of counts) {
		let list = byView.get(cell.view);
		if (!list) byView.set(cell.view, (list = []));
		list.push(cell);
	}
	const rules = new Rules(truth);

	// Views: a whole and its parts.
	for (const partition of reading.partitions) {
		for (const cell of byView.get(partition.whole) ?? []) {
			const { page, step, column } = parts(cell.id);
			rules.add(
				`views:${partition.name}|${page}|${step}|${column.replace(/#\d+$/, '')}`,
				variable(partition.whole, cell.id),
				partition.parts.map((part) => variable(part, cell.id))
			);
		}
	}

	// Tables: per view, page, step and column, the rows by label.
	const tables = new Map<
		string,
		{ view: string; prefix: string; column: string; rows: Map<string, string> }
	>();
	for (const cell of counts) {
		if (cell.kind !== 'table') continue;
		const { page, step, row, column } = parts(cell.id);
		const key = `${cell.view}␟${page}|${step}|${column}`;
		let table = tables.get(key);
		if (!table)
			tables.set(key, (table = { view: cell.view, prefix: `${page}|${step}`, column, rows: new Map() }));
		table.rows.set(row, variable(cell.view, cell.id));
	}
	// Rows: group by every label component but one; propose totals from the 'all' view, check everywhere.
	const proposals = new Map<string, { position: number; total: string; parts: string[] }>();
	const grouped = (rows: Map<string, string>, position: number) => {
		const groups = new Map<string, Map<string, string>>();
		for (const [row, name] of rows) {
			const components = row.split(' / ');
			if (position >= components.length) continue;
			const rest = components.filter((_, index) => index !== position).join(' / ');
			let group = groups.get(rest);
			if (!group) groups.set(rest, (group = new Map()));
			group.set(components[position]!, name);
		}
		return groups;
	};
	for (const table of tables.values()) {
		if (table.view !== 'all') continue;
		const width = Math.max(...[...table.rows.keys()].map((row) => row.split(' / ').length));
		for (let position = 0; position < width; position++) {
			const groups = [...grouped(table.rows, position).values()]
				.filter((group) => group.size >= 3)
				.map((group) => ({ group, sum: [...group.values()].reduce((a, name) => a + truth.get(name)!, 0) }))
				.sort((a, b) => b.sum - a.sum)
				.slice(0, 3);
			for (const { group } of groups) {
				const labels = [...group.keys()];
				for (const total of labels) {
					const others = labels.filter((label) => label !== total);
					const value = truth.get(group.get(total)!)!;
					const candidates: string[][] = [others];
					if (others.length <= 12) {
						const nonzero = others.filter((label) => truth.get(group.get(label)!)! > 0);
						for (const subset of subsets(nonzero, 2, nonzero.length - 1))
							if (subset.reduce((a, label) => a + truth.get(group.get(label)!)!, 0) === value)
								candidates.push(subset);
					}
					for (const candidate of candidates) {
						if (candidate.reduce((a, label) => a + truth.get(group.get(label)!)!, 0) !== value) continue;
						const rule = `rows|${table.prefix}|${table.column}|${position}|${total}=${candidate.join('+')}`;
						proposals.set(rule, { position, total, parts: candidate });
					}
				}
			}
		}
	}
	for (const table of tables.values()) {
		for (const [rule, proposal] of proposals) {
			if (!rule.startsWith(`rows|${table.prefix}|${table.column}|`)) continue;
			for (const group of grouped(table.rows, proposal.position).values()) {
				const total = group.get(proposal.total);
				const members = proposal.parts.map((label) => group.get(label));
				if (total === undefined || members.some((name) => name === undefined)) continue;
				rules.add(rule, total, members as string[]);
			}
		}
	}

	// Columns: per view and table, each row's columns.
	const rowsOf = new Map<string, Map<string, Map<string, string>>>();
	for (const table of tables.values()) {
		const key = `${table.view}␟${table.prefix}`;
		let rows = rowsOf.get(key);
		if (!rows) rowsOf.set(key, (rows = new Map()));
		for (const [row, name] of table.rows) {
			let columns = rows.get(row);
			if (!columns) rows.set(row, (columns = new Map()));
			columns.set(table.column, name);
		}
	}
	const columnRules = new Map<string, { total: string; parts: string[] }>();
	for (const [key, rows] of rowsOf) {
		if (!key.startsWith('all␟')) continue;
		const prefix = key.slice('all␟'.length);
		const columns = [...new Set([...rows.values()].flatMap((row) => [...row.keys()]))];
		for (const total of columns) {
			for (const subset of subsets(
				columns.filter((column) => column !== total),
				1,
				4
			)) {
				const holds = [...rows.values()].every((row) => {
					const value = row.get(total);
					const values = subset.map((column) => row.get(column));
					if (value === undefined || values.some((one) => one === undefined)) return true;
					return values.reduce((a, name) => a + truth.get(name!)!, 0) === truth.get(value);
				});
				if (holds)
					columnRules.set(`columns|${prefix}|${total}=${subset.join('+')}`, { total, parts: subset });
			}
		}
	}
	for (const [key, rows] of rowsOf) {
		const prefix = key.slice(key.indexOf('␟') + 1);
		for (const [rule, { total, parts: members }] of columnRules) {
			if (!rule.startsWith(`columns|${prefix}|`)) continue;
			for (const row of rows.values()) {
				const value = row.get(total);
				const values = members.map((column) => row.get(column));
				if (value === undefined || values.some((one) => one === undefined)) continue;
				rules.add(rule, value, values as string[]);
			}
		}
	}

	// Grain: a quarter is the sum of its months, in any table of the same view that counts by month (or of the
	// same filters read monthly): a quarter of one chart against the months of another is a rule like any other.
	const monthLabel = new RegExp(`^(?:${monthNames.join('|')}) \\d{4}$`);
	// Month tables as templates: `page|step|row with {month}|column` ("missing|monthlyChart|{month} / Episodes|Count").
	const monthTables = new Map<string, Set<string>>();
	const years = new Set<string>();
	for (const cell of counts) {
		if (cell.kind !== 'table') continue;
		const { page, step, row, column } = parts(cell.id);
		const components = row.split(' / ');
		const position = components.findIndex((component) => monthLabel.test(component));
		if (position < 0) continue;
		years.add(components[position]!.slice(-4));
		const template = components.map((c, i) => (i === position ? '{month}' : c)).join(' / ');
		let tablesOf = monthTables.get(cell.view);
		if (!tablesOf) monthTables.set(cell.view, (tablesOf = new Set()));
		tablesOf.add(`${page}|${step}|${template}|${column}`);
	}
	for (const view of reading.views) {
		const monthly =
			view.grain === 'month'
				? view
				: reading.views.find(
						(other) =>
							other.grain === 'month' && JSON.stringify(other.filters) === JSON.stringify(view.filters)
					);
		if (!monthly) continue;
		const candidates = [...(monthTables.get(monthly.name) ?? [])].map((table) => {
			const { page, step, row, column } = parts(table);
			const components = row.split(' / ');
			return { table, page, step, column, components, others: components.filter((c) => c !== '{month}') };
		});
		for (const cell of byView.get(view.name) ?? []) {
			if (cell.kind !== 'table') continue;
			const { page, step, row, column } = parts(cell.id);
			const components = row.split(' / ');
			// A quarter, or a calendar month across the years (a seasonality chart's "June").
			let position = components.findIndex((component) => quarterMonths(component) !== undefined);
			let months = position >= 0 ? quarterMonths(components[position]!)! : [];
			const wholeQuarter = position >= 0;
			if (position < 0) {
				position = components.findIndex((component) => monthNames.includes(component));
				if (position < 0) continue;
				months = [...years].sort().map((year) => `${components[position]} ${year}`);
			}
			const others = components.filter((_, i) => i !== position);
			for (const candidate of candidates) {
				// The rest of the row's name must match, unless the period is all it has (a chart of one series).
				if (others.length > 0 && others.join(' / ') !== candidate.others.join(' / ')) continue;
				const names = months
					.map((month) =>
						variable(
							monthly.name,
							`${candidate.page}|${candidate.step}|${candidate.components.map((c) => (c === '{month}' ? month : c)).join(' / ')}|${candidate.column}`
						)
					)
					.filter((name) => truth.has(name));
				// A quarter the month table does not cover whole (the first, part-month quarter) is no instance.
				if (wholeQuarter ? names.length !== 3 : names.length < 2) continue;
				rules.add(`grain|${page}|${step}|${column}=${candidate.table}`, variable(view.name, cell.id), names);
			}
		}
	}

	// Sentences: within one text, a figure that is the sum of others.
	const texts = new Map<string, Cell[]>();
	for (const cell of counts) {
		if (cell.kind !== 'text') continue;
		const { page, step, row } = parts(cell.id);
		const key = `${cell.view}␟${page}|${step}|${row}`;
		let list = texts.get(key);
		if (!list) texts.set(key, (list = []));
		list.push(cell);
	}
	const sentenceRules = new Map<string, { total: string; parts: string[] }>();
	for (const cells of texts.values()) {
		if (cells.length < 3 || cells.length > 14) continue;
		for (const total of cells) {
			const others = cells.filter((cell) => cell !== total && cell.truth! > 0 && cell.truth! <= total.truth!);
			for (const subset of subsets(others, 2, 4))
				if (subset.reduce((a, cell) => a + cell.truth!, 0) === total.truth)
					sentenceRules.set(`sentence|${total.id}=${subset.map((cell) => cell.id).join('+')}`, {
						total: total.id,
						parts: subset.map((cell) => cell.id)
					});
		}
	}
	for (const [rule, { total, parts: members }] of sentenceRules)
		for (const view of reading.views)
			rules.add(
				rule,
				variable(view.name, total),
				members.map((id) => variable(view.name, id))
			);

	// A sentence's figures add up by coincidence now and then (an age and a count); a rule seen in three views
	// or more is the sentence's meaning.
	return rules.relations((rule) => (rule.startsWith('sentence|') ? 3 : 1));
}
