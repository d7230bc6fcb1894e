/**
 * An independent checker for disclosure control, used by the property tests. It knows nothing of how
 * suppressTable chose its cells: given the true table and which cells were withheld, it looks for a
 * second table that agrees with every published value and every row/column/total equation yet differs in
 * a given withheld cell. If one exists, that cell cannot be derived from what was published.
 */

/** The table with margins: (R + 1) × (C + 1), last column row totals, last row column totals. */
export type Grid = number[][];

export function withMargins(counts: readonly (readonly number[])[]): Grid {
	const columns = counts[0]?.length ?? 0;
	const rowTotals = counts.map((row) => row.reduce((a, b) => a + b, 0));
	const columnTotals = Array.from({ length: columns }, (_, j) =>
		counts.reduce((a, row) => a + (row[j] ?? 0), 0)
	);
	return [
		...counts.map((row, i) => [...row, rowTotals[i] ?? 0]),
		[...columnTotals, rowTotals.reduce((a, b) => a + b, 0)]
	];
}

/** Every row and column of the grid sums to its last cell, and nothing is negative. */
export function isConsistent(grid: Grid): boolean {
	const R = grid.length - 1;
	const C = (grid[0]?.length ?? 1) - 1;
	for (let i = 0; i <= R; i++) {
		let sum = 0;
		for (let j = 0; j < C; j++) sum += grid[i]?.[j] ?? 0;
		if (sum !== grid[i]?.[C]) return false;
	}
	for (let j = 0; j <= C; j++) {
		let sum = 0;
		for (let i = 0; i < R; i++) sum += grid[i]?.[j] ?? 0;
		if (sum !== grid[R]?.[j]) return false;
	}
	return grid.every((row) => row.every((v) => v >= 0));
}

/** Lines (rows then columns of the grid) that hold exactly one withheld cell: each gives its cell away. */
export function linesWithOneWithheld(withheld: readonly (readonly boolean[])[]): number {
	const R = withheld.length;
	const C = withheld[0]?.length ?? 0;
	let bad = 0;
	for (let i = 0; i < R; i++) if (withheld[i]?.filter(Boolean).length === 1) bad++;
	for (let j = 0; j < C; j++) if (withheld.filter((row) => row[j]).length === 1) bad++;
	return bad;
}

/**
 * For withheld cell (ti, tj), a second table consistent with everything published, in which that cell
 * differs by `step` (±1): found by walking a cycle of withheld cells through it and moving each by ±step
 * with the signs the line equations require. Returns null if no such table exists along any cycle.
 */
export function alternativeTable(
	grid: Grid,
	withheld: readonly (readonly boolean[])[],
	ti: number,
	tj: number,
	step: 1 | -1
): Grid | null {
	const R = grid.length - 1;
	const C = (grid[0]?.length ?? 1) - 1;
	// Coefficient of a cell in its row / column equation (a line's own total enters with −1).
	const rowCoefficient = (j: number) => (j === C ? -1 : 1);
	const columnCoefficient = (i: number) => (i === R ? -1 : 1);
	// Breadth-first search from the target's column node back to its row node over other withheld cells.
	const nodes = R + 1 + C + 1;
	const previous = new Array<[number, number] | null>(nodes).fill(null);
	const seen = new Array<boolean>(nodes).fill(false);
	const start = R + 1 + tj;
	const goal = ti;
	seen[start] = true;
	const queue = [start];
	while (queue.length > 0 && !seen[goal]) {
		const node = queue.shift() as number;
		const cells: [number, number][] =
			node <= R
				? Array.from({ length: C + 1 }, (_, j) => [node, j])
				: Array.from({ length: R + 1 }, (_, i) => [i, node - R - 1]);
		for (const [i, j] of cells) {
			if (!withheld[i]?.[j] || (i === ti && j === tj)) continue;
			const next = node <= R ? R + 1 + j : i;
			if (seen[next]) continue;
			seen[next] = true;
			previous[next] = [i, j];
			queue.push(next);
		}
	}
	if (!seen[goal]) return null;
	// The cycle: target, then the path from its column node to its row node.
	const path: [number, number][] = [];
	for (let node = goal; node !== start;) {
		const cell = previous[node] as [number, number];
		path.unshift(cell);
		node = node <= R ? R + 1 + cell[1] : cell[0];
	}
	const alternative = grid.map((row) => [...row]);
	let delta: number = step;
	let [ci, cj] = [ti, tj];
	(alternative[ci] as number[])[cj] = (grid[ci]?.[cj] ?? 0) + delta;
	let atColumn = true; // the next cell shares the current cell's column
	for (const [i, j] of path) {
		delta = atColumn
			? (-columnCoefficient(ci) * delta) / columnCoefficient(i)
			: (-rowCoefficient(cj) * delta) / rowCoefficient(j);
		(alternative[i] as number[])[j] = (grid[i]?.[j] ?? 0) + delta;
		[ci, cj] = [i, j];
		atColumn = !atColumn;
	}
	return isConsistent(alternative) ? alternative : null;
}
