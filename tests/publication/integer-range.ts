import loadHighs from 'highs';

type Highs = Awaited<ReturnType<typeof loadHighs>>;
let highs: Promise<Highs> | undefined;

/** A linear model over integer variables: bounds, and equations Σ coefficient × variable = constant. */
export interface IntegerModel {
	/** Each variable's bounds (inclusive; Infinity for none). */
	bounds: Map<string, [number, number]>;
	equations: { terms: [string, number][]; constant: number }[];
	/** Variables that may take any real value in their bounds (a rounded mean); the rest are integers. */
	continuous?: Set<string>;
}

export type Extreme =
	| { status: 'optimal'; value: number; solution: Map<string, number> }
	| { status: 'infeasible' | 'unbounded' };

const number = (value: number) => (Number.isInteger(value) ? String(value) : value.toPrecision(15));

/** The model in CPLEX LP format, variables renamed x0, x1, … (names on the page are not LP-safe). */
function lpText(
	model: IntegerModel,
	objective: [string, number][],
	sense: 'Maximize' | 'Minimize'
): { text: string; names: string[] } {
	const names = [...model.bounds.keys()];
	const index = new Map(names.map((name, i) => [name, `x${i}`]));
	const term = ([name, coefficient]: [string, number], first: boolean) => {
		const sign = coefficient < 0 ? '-' : first ? '' : '+';
		const size = Math.abs(coefficient);
		return `${sign} ${size === 1 ? '' : `${number(size)} `}${index.get(name)}`;
	};
	const sum = (terms: [string, number][]) =>
		terms.length === 0 ? '0 x0' : terms.map((one, i) => term(one, i === 0)).join('\n ');
	const lines = [sense, ` obj: ${sum(objective)}`, 'Subject To'];
	model.equations.forEach((equation, i) =>
		lines.push(` e${i}: ${sum(equation.terms)} = ${number(equation.constant)}`)
	);
	lines.push('Bounds');
	for (const [name, [low, high]] of model.bounds) {
		const lowText = low === -Infinity ? '-inf' : number(low);
		const highText = high === Infinity ? '+inf' : number(high);
		lines.push(` ${lowText} <= ${index.get(name)} <= ${highText}`);
	}
	const integers = names.filter((name) => !model.continuous?.has(name)).map((name) => index.get(name));
	if (integers.length > 0) lines.push('Generals', ` ${integers.join('\n ')}`);
	lines.push('End');
	return { text: lines.join('\n'), names };
}

/**
 * The largest or smallest value of a linear objective over the integer points of a model, with the point
 * that attains it: HiGHS (branch and cut, compiled to WebAssembly), solved exactly (zero MIP gap).
 */
export async function extreme(
	model: IntegerModel,
	objective: [string, number][],
	sense: 'max' | 'min'
): Promise<Extreme> {
	const solver = await (highs ??= loadHighs());
	const { text, names } = lpText(model, objective, sense === 'max' ? 'Maximize' : 'Minimize');
	const result = solver.solve(text, { output_flag: false, mip_rel_gap: 0, mip_abs_gap: 0 } as never);
	if (result.Status === 'Infeasible') return { status: 'infeasible' };
	if (result.Status === 'Unbounded' || result.Status === 'Primal infeasible or unbounded')
		return { status: 'unbounded' };
	if (result.Status !== 'Optimal') throw new Error(`HiGHS: ${result.Status}`);
	const solution = new Map<string, number>();
	names.forEach((name, i) =>
		solution.set(name, Math.round((result.Columns[`x${i}`]?.Primal ?? 0) * 1e6) / 1e6)
	);
	return { status: 'optimal', value: Math.round(result.ObjectiveValue * 1e6) / 1e6, solution };
}

/**
 * The range of values one variable can take over the integer points of the model: [min, max], or an
 * infinite end where nothing bounds it. Null when the model has no integer point at all.
 */
export async function integerRange(model: IntegerModel, name: string): Promise<[number, number] | null> {
	const low = await extreme(model, [[name, 1]], 'min');
	const high = await extreme(model, [[name, 1]], 'max');
	if (low.status === 'infeasible' || high.status === 'infeasible') return null;
	return [
		low.status === 'optimal' ? low.value : -Infinity,
		high.status === 'optimal' ? high.value : Infinity
	];
}
