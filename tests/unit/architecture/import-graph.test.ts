import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * Layers point one way: the folders of src/lib must form a graph without cycles, so that each folder can be
 * read, tested and replaced knowing only the folders below it. ESLint forbids the known wrong arrows folder by
 * folder; this test catches any cycle, including a long one no single rule names.
 */

const lib = resolve(import.meta.dirname, '../../../src/lib');

/** Every module specifier in a file: static imports and re-exports, side-effect imports, dynamic imports. */
const specifiers = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(?\s*['"]([^'"]+)['"]/g;

function sourceFiles(folder: string): string[] {
	return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
		const path = join(folder, entry.name);
		if (entry.isDirectory()) return sourceFiles(path);
		return /\.(ts|js|svelte)$/.test(entry.name) ? [path] : [];
	});
}

/** The top-level node of a path inside src/lib: its folder, or a root file's name without extension. */
function node(pathInLib: string): string {
	return pathInLib.split(/[/\\]/)[0]!.replace(/\.(svelte\.)?(ts|js|svelte)$/, '');
}

type Graph = Map<string, Map<string, string>>;

/** Folder → folder → one example file that makes the arrow (for the failure message). */
function importGraph(root: string): Graph {
	const graph: Graph = new Map();
	for (const file of sourceFiles(root)) {
		const from = node(relative(root, file));
		for (const match of readFileSync(file, 'utf8').matchAll(specifiers)) {
			const specifier = match[1] ?? match[2]!;
			let target: string;
			if (specifier.startsWith('$lib/')) target = specifier.slice('$lib/'.length);
			else if (specifier.startsWith('.')) target = relative(root, resolve(dirname(file), specifier));
			else continue;
			if (target.startsWith('..')) continue;
			const to = node(target);
			if (to === from) continue;
			const arrows = graph.get(from) ?? new Map<string, string>();
			if (!arrows.has(to))
				arrows.set(to, `${relative(root, file).split(sep).join('/')} imports ${specifier}`);
			graph.set(from, arrows);
		}
	}
	return graph;
}

/** One cycle per strongly connected component of more than one folder (Tarjan), as a closed path. */
function folderCycles(graph: Graph): string[][] {
	const index = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	const components: string[][] = [];
	let next = 0;
	const visit = (v: string) => {
		index.set(v, next);
		low.set(v, next++);
		stack.push(v);
		onStack.add(v);
		for (const w of graph.get(v)?.keys() ?? []) {
			if (!index.has(w)) {
				visit(w);
				low.set(v, Math.min(low.get(v)!, low.get(w)!));
			} else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
		}
		if (low.get(v) === index.get(v)) {
			const component: string[] = [];
			let w: string;
			do {
				w = stack.pop()!;
				onStack.delete(w);
				component.push(w);
			} while (w !== v);
			if (component.length > 1) components.push(component);
		}
	};
	for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
	// Within a component every folder reaches every other: walk from its first folder back to it (BFS).
	return components.map((component) => {
		const members = new Set(component);
		const start = [...component].sort()[0]!;
		const previous = new Map<string, string>();
		const queue = [start];
		while (queue.length > 0) {
			const v = queue.shift()!;
			for (const w of graph.get(v)?.keys() ?? []) {
				if (!members.has(w)) continue;
				if (w === start) {
					const path = [v];
					while (path[0] !== start) path.unshift(previous.get(path[0]!)!);
					return [...path, start];
				}
				if (!previous.has(w)) {
					previous.set(w, v);
					queue.push(w);
				}
			}
		}
		return component;
	});
}

function describeCycle(graph: Graph, cycle: string[]): string {
	const arrows = cycle.slice(1).map((to, i) => `  ${cycle[i]} → ${to}: ${graph.get(cycle[i]!)?.get(to)}`);
	return [cycle.join(' → '), ...arrows].join('\n');
}

describe('the folder import graph of src/lib', () => {
	const graph = importGraph(lib);

	it('reads the imports it is meant to check', () => {
		// Arrows that exist today; if the parser stopped seeing imports, the acyclic check would pass vacuously.
		expect(graph.get('sql')?.has('contract')).toBe(true);
		expect(graph.get('sql')?.has('domain')).toBe(true);
		expect(graph.get('state')?.has('sql')).toBe(true);
	});

	it('finds and prints a cycle when there is one', () => {
		const cyclic: Graph = new Map([
			['sql', new Map([['state', 'sql/cubes.ts imports $lib/domain/filters']])],
			['state', new Map([['sql', 'state/query.svelte.ts imports $lib/sql/sql']])],
			['charts', new Map([['format', 'charts/x.ts imports $lib/format/number']])]
		]);
		const cycles = folderCycles(cyclic);
		expect(cycles).toEqual([['sql', 'state', 'sql']]);
		expect(describeCycle(cyclic, cycles[0]!)).toContain(
			'sql → state: sql/cubes.ts imports $lib/domain/filters'
		);
	});

	it('has no cycle between folders', () => {
		const cycles = folderCycles(graph).map((cycle) => describeCycle(graph, cycle));
		expect(cycles, `folder import cycles:\n${cycles.join('\n')}`).toEqual([]);
	});
});
