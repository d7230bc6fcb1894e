import { perturb } from './perturb';

/** A count's cell key travels beside it as a column named `<count>:key` (see sql/keyed-count.ts). */
export const KEY_SUFFIX = ':key';

/** How an answer is published: whether publication mode is on, and which numeric columns pass as they are. */
export interface Publication {
	readonly on: boolean;
	/**
	 * Numeric columns that are not counts of records: a table's dimensions (age, year, stage) and reference
	 * values that count no child (population). Declared beside the metric's SQL (`Sql.publishing`).
	 */
	readonly dimensions?: readonly string[];
}

const isNumeric = (value: unknown) => typeof value === 'number' || typeof value === 'bigint';

/**
 * The one seam between the engine and every view. Publication off: the key columns are dropped and
 * everything else is the true answer. On: each count `X` with a partner `X:key` becomes its perturbed value
 * (ptable of the true count and the cell key), and every other numeric column that is not a declared
 * dimension (a mean, a median, a share computed in SQL, a count someone forgot to key) is withheld as null,
 * so a new chart cannot forget protection; views compute derived figures from the published counts.
 */
export function publishRows<Row extends object>(rows: readonly object[], publication: Publication): Row[] {
	const dimensions = new Set(publication.dimensions ?? []);
	// An answer's rows share their columns (the engine's rows, a precomputed answer): the plan is made again
	// only when a row's columns differ from the row before's, not for every cell (Indicators' merged mask
	// answer is 3,000 rows of 21 columns).
	let names: string[] = [];
	let plan: ColumnPlan[] = [];
	return rows.map((row) => {
		const record = row as Record<string, unknown>;
		const columns = Object.keys(record);
		if (!sameNames(columns, names)) {
			names = columns;
			plan = columnPlan(record, columns, publication.on, dimensions);
		}
		const published: Record<string, unknown> = {};
		for (const { name, publish } of plan) {
			const value = record[name];
			if (!publish || !isNumeric(value)) {
				published[name] = value;
				continue;
			}
			const key = record[name + KEY_SUFFIX];
			published[name] = isNumeric(key) ? perturb(Number(value), Number(key)) : null;
		}
		return published as Row;
	});
}

/** A column a published row keeps, and whether its numbers pass the ptable (or are withheld). */
interface ColumnPlan {
	name: string;
	publish: boolean;
}

/** The columns of rows named `names` as published: key columns dropped, each one's count checked present. */
function columnPlan(
	record: Record<string, unknown>,
	names: readonly string[],
	on: boolean,
	dimensions: ReadonlySet<string>
): ColumnPlan[] {
	const plan: ColumnPlan[] = [];
	for (const name of names) {
		if (name.endsWith(KEY_SUFFIX)) {
			if (!(name.slice(0, -KEY_SUFFIX.length) in record))
				throw new Error(`The cell key ${name} has no count beside it.`);
			continue;
		}
		plan.push({ name, publish: on && !dimensions.has(name) });
	}
	return plan;
}

const sameNames = (a: readonly string[], b: readonly string[]) =>
	a.length === b.length && a.every((name, index) => name === b[index]);
