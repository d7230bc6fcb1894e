import type { Cell, Reading } from './gather';
import { extreme, type IntegerModel } from './integer-range';
import { countFilter, findRelations, variable, type Relation } from './relations';

/** What the reader assumes about publication mode. */
export interface ReaderOptions {
	/**
	 * The largest difference publication mode may make to a count it shows (0: counts shown are exact; D for
	 * a perturbation of at most ±D). Every shown count bounds its true value to [shown − D, shown + D].
	 */
	noise: number | ((cell: Cell) => number);
	/** A protected count: a true value from `protect[0]` to `protect[1]` (1–5). */
	protect?: [number, number];
	/**
	 * Read only these views (e.g. one district's, at both grains): what a reader recovers from one view alone.
	 * Which figures add up is still learned from every view: that is knowledge of the pages, not of the data.
	 */
	views?: readonly string[];
}

/** What the reader found for one protected figure. */
export interface Finding {
	view: string;
	id: string;
	truth: number;
	/** How the reader knows it, when it does: shown as is, by differencing, or by integer programming. */
	pinnedBy?: 'shown' | 'differencing' | 'integer programming';
	/** How the differencing went: the rule of the equation that gave it away. */
	rule?: string;
}

export interface ReaderReport {
	relations: number;
	rules: number;
	/** Protected figures (true count 1–5) among everything collected. */
	protected: Finding[];
	/** Those the reader pins to one value. */
	pinned: Finding[];
	/** Those for which at least two values remain consistent with everything published. */
	open: number;
	/** Those in equations that no values fit (what is shown contradicts the stated noise): none, when it holds. */
	inconsistent: Finding[];
	/** Per equation whose figures are all shown: how far the shown total is from the sum of its shown parts. */
	gaps: { rule: string; gap: number; bound: number; terms: number }[];
	/** The integer programs solved and how long they took. */
	solver: { components: number; solves: number; seconds: number };
}

/** The words after a sentence's figure that say it counts something other than people or referrals. */
const notPeople =
	/\b(months?|days?|weeks?|years?|quarters?|points?|special|comparisons?|indicators?|districts?|hours?)\b/;

/** How many variables the first, joint solves take at a time. */
const batchSize = 20_000;

/** Large enough for any count here; keeps every integer program bounded, so each has an optimum. */
const ceiling = 1e6;

/**
 * The automated reader: from everything collected for the reader's views, it writes down what each shown
 * figure says about its true value (its bounds) and every equation between true figures (`findRelations`),
 * then tries to recover each protected count, first by differencing (an equation with one unknown left) and
 * then by integer programming over all the equations at once (the least and greatest value each protected
 * count can take). A count is pinned when one value remains.
 */
export async function readPublished(reading: Reading, options: ReaderOptions): Promise<ReaderReport> {
	const [protectLow, protectHigh] = options.protect ?? [1, 5];
	const noise = typeof options.noise === 'number' ? () => options.noise as number : options.noise;
	const only = options.views ? new Set(options.views) : undefined;
	const cells = new Map<string, Cell>();
	const isCount = countFilter(reading);
	for (const cell of reading.cells)
		if (isCount(cell) && (!only || only.has(cell.view))) cells.set(variable(cell.view, cell.id), cell);
	const relations = findRelations(reading).filter((relation) =>
		relation.terms.every(([name]) => cells.has(name))
	);
	const inRelation = new Set(relations.flatMap((relation) => relation.terms.map(([name]) => name)));

	// What each figure's display says about it: a shown count is within the noise; a symbol or nothing says
	// only that it is a count.
	const bounds = new Map<string, [number, number]>();
	for (const [name, cell] of cells) {
		const shown = cell.shown;
		if (shown && shown.value !== null) {
			const spread = shown.halfWidth + noise(cell);
			bounds.set(name, [
				Math.max(0, Math.ceil(shown.value - spread - 1e-9)),
				Math.floor(shown.value + spread + 1e-9)
			]);
		} else bounds.set(name, [0, ceiling]);
	}

	const findings = new Map<string, Finding>();
	for (const [name, cell] of cells) {
		if (cell.truth! < protectLow || cell.truth! > protectHigh) continue;
		// A sentence's figure counts as a count of people when an equation shows it is one, and the words after
		// it do not say it counts months, days or special causes.
		if (
			cell.kind !== 'table' &&
			(!inRelation.has(name) || notPeople.test(cell.id.slice(cell.id.lastIndexOf('|'))))
		)
			continue;
		findings.set(name, { view: cell.view, id: cell.id, truth: cell.truth! });
	}

	// Known values: shown exactly, then differencing until nothing changes.
	const known = new Map<string, number>();
	for (const [name, [low, high]] of bounds) if (low === high) known.set(name, low);
	for (const [name, finding] of findings) if (known.has(name)) finding.pinnedBy = 'shown';
	let changed = true;
	while (changed) {
		changed = false;
		for (const relation of relations) {
			const unknown = relation.terms.filter(([name]) => !known.has(name));
			if (unknown.length !== 1) continue;
			const [name, coefficient] = unknown[0]!;
			const rest = relation.terms.reduce(
				(sum, [other, c]) => (other === name ? sum : sum + c * known.get(other)!),
				0
			);
			known.set(name, -rest / coefficient);
			const finding = findings.get(name);
			if (finding && !finding.pinnedBy) {
				finding.pinnedBy = 'differencing';
				finding.rule = relation.rule;
			}
			changed = true;
		}
	}

	const started = Date.now();
	let solves = 0;
	// Integer programming, component by component of the equations left with unknowns.
	const open = new Set<string>();
	const inconsistent = new Set<string>();
	const parent = new Map<string, string>();
	const root = (name: string): string => {
		let top = name;
		while (parent.has(top) && parent.get(top) !== top) top = parent.get(top)!;
		parent.set(name, top);
		return top;
	};
	const residual: { terms: [string, number][]; constant: number }[] = [];
	for (const relation of relations) {
		const terms = relation.terms.filter(([name]) => !known.has(name));
		if (terms.length === 0) continue;
		const constant = -relation.terms.reduce(
			(sum, [name, c]) => (known.has(name) ? sum + c * known.get(name)! : sum),
			0
		);
		residual.push({ terms, constant });
		for (const [name] of terms.slice(1)) parent.set(root(name), root(terms[0]![0]));
	}
	const components = new Map<string, { names: Set<string>; equations: typeof residual }>();
	for (const equation of residual) {
		const top = root(equation.terms[0]![0]);
		let component = components.get(top);
		if (!component) components.set(top, (component = { names: new Set(), equations: [] }));
		component.equations.push(equation);
		for (const [name] of equation.terms) component.names.add(name);
	}
	for (const [name, finding] of findings) {
		if (finding.pinnedBy) continue;
		if (!parent.has(name)) {
			// In no equation: only its own bounds hold it.
			const [low, high] = bounds.get(name)!;
			if (high > low) open.add(name);
			continue;
		}
	}
	const truth = (name: string) => cells.get(name)!.truth!;
	const work = [...components.values()]
		.map((component) => ({
			...component,
			targets: [...component.names].filter((name) => findings.has(name) && !findings.get(name)!.pinnedBy)
		}))
		.filter((component) => component.targets.length > 0);
	const modelOf = (parts: typeof work): IntegerModel => ({
		bounds: new Map(
			parts.flatMap((part) =>
				[...part.names].map((name): [string, [number, number]] => [name, bounds.get(name)!])
			)
		),
		equations: parts.flatMap((part) => part.equations)
	});
	const certify = (targets: readonly string[], solution: Map<string, number>) => {
		for (const name of targets) if (solution.get(name) !== truth(name)) open.add(name);
	};
	// First, many components at once (each solve has a fixed cost): push every protected count up, then every
	// one still unmoved down. A count that moves in either has two values consistent with everything shown.
	for (let first = 0; first < work.length;) {
		const batch: typeof work = [];
		let size = 0;
		while (first < work.length && (batch.length === 0 || size + work[first]!.names.size <= batchSize)) {
			size += work[first]!.names.size;
			batch.push(work[first++]!);
		}
		const model = modelOf(batch);
		const targets = batch.flatMap((part) => part.targets);
		for (const sense of ['max', 'min'] as const) {
			const rest = targets.filter((name) => !open.has(name));
			if (rest.length === 0) break;
			solves++;
			const result = await extreme(
				model,
				rest.map((name) => [name, 1]),
				sense
			);
			// Some component has no solution: found and set aside one by one below.
			if (result.status === 'infeasible') break;
			if (result.status === 'optimal') certify(targets, result.solution);
		}
	}
	// Then each count still unmoved on its own: its greatest and least value.
	for (const component of work) {
		const rest = component.targets.filter((name) => !open.has(name));
		if (rest.length === 0) continue;
		const model = modelOf([component]);
		if ((await extreme(model, [], 'max')).status === 'infeasible') {
			// What is shown here contradicts the stated noise or a rule: the reader's model of publication is wrong.
			for (const name of rest) inconsistent.add(name);
			continue;
		}
		for (const name of rest) {
			if (open.has(name)) continue;
			let moved = false;
			for (const sense of ['max', 'min'] as const) {
				solves++;
				const result = await extreme(model, [[name, 1]], sense);
				if (result.status === 'optimal') certify(component.targets, result.solution);
				if (result.status === 'unbounded' || open.has(name)) {
					moved = true;
					break;
				}
			}
			if (!moved) findings.get(name)!.pinnedBy = 'integer programming';
		}
	}

	const seconds = (Date.now() - started) / 1000;
	const gaps = relations.flatMap((relation: Relation) => {
		const shown = relation.terms.map(([name]) => cells.get(name)?.shown?.value);
		if (shown.some((value) => value === null || value === undefined)) return [];
		const gap = Math.abs(relation.terms.reduce((sum, [, c], i) => sum + c * shown[i]!, 0));
		const bound = relation.terms.reduce((sum, [name]) => sum + noise(cells.get(name)!), 0);
		return [{ rule: relation.rule, gap, bound, terms: relation.terms.length }];
	});
	const all = [...findings.values()];
	return {
		relations: relations.length,
		rules: new Set(relations.map((relation) => relation.rule)).size,
		protected: all,
		pinned: all.filter((finding) => finding.pinnedBy),
		open: open.size,
		inconsistent: [...inconsistent].map((name) => findings.get(name)!),
		gaps,
		solver: { components: components.size, solves, seconds }
	};
}
