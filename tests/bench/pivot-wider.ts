import { pivotWider } from '../../src/lib/reshape/pivot-wider';
import { median } from './preview-server';

/**
 * Arquero's one job, timed: `npm run bench -- pivot-wider`. Pivots a 100,000-row long result (8,334 groups ×
 * 12 names, the size the SQL console fetches at most) as the reshape worker does, next to the same pivot by a
 * hand-written keyed loop, and prints the medians of 7 runs. The browser figure, worker hop included, is
 * logged by tests/e2e/explore.e2e.ts.
 */
export async function pivotWiderBench(): Promise<void> {
	const rows = Array.from({ length: 100_000 }, (_, i) => ({
		g: Math.floor(i / 12),
		name: `k${String(i % 12).padStart(2, '0')}`,
		v: i
	}));
	const time = (body: () => unknown) =>
		median(
			Array.from({ length: 7 }, () => {
				const start = performance.now();
				body();
				return performance.now() - start;
			})
		);
	const arquero = time(() => pivotWider(rows, { names: 'name', values: 'v' }));
	const loop = time(() => {
		const byGroup = new Map<number, Record<string, unknown>>();
		for (const row of rows) {
			let wide = byGroup.get(row.g);
			if (!wide) byGroup.set(row.g, (wide = { g: row.g }));
			wide[row.name] = row.v;
		}
		return [...byGroup.values()];
	});
	console.log(
		`pivot of 100,000 rows: Arquero ${arquero.toFixed(0)} ms, keyed loop ${loop.toFixed(0)} ms (medians of 7)`
	);
}
