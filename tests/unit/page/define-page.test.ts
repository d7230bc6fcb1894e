import { describe, expect, it } from 'vitest';
import { cambridgeshireAndPeterborough } from '$lib/contract';
import { definePage, evaluatePage, type Ask, type PageContext } from '$lib/page/define-page';
import { sql } from '$lib/sql/sql';

const context: PageContext = {
	filters: { districts: ['fenland'] },
	publication: false,
	grain: 'month',
	extent: undefined,
	gaps: { referrals: [], missing_episodes: [] },
	areaReference: cambridgeshireAndPeterborough,
	toggle: () => {}
};

describe('definePage and evaluatePage', () => {
	it('runs steps in order, each seeing the context and every earlier step', async () => {
		const asked: string[] = [];
		const page = definePage()
			.derive('district', ({ filters }) => filters.districts?.[0] ?? 'all')
			.query('counts', ({ district }): Ask<{ n: number }> => sql`SELECT ${district} AS n`)
			.derive('total', ({ counts }) => (counts.rows ?? []).reduce((sum, row) => sum + row.n, 0));
		const view = await evaluatePage(page, context, async (query) => {
			asked.push(query.text);
			return [{ n: 2 }, { n: 3 }];
		});
		expect(view.district).toBe('fenland');
		expect(asked).toEqual(["SELECT 'fenland' AS n"]);
		expect(view.counts).toEqual({ rows: [{ n: 2 }, { n: 3 }], loading: false, error: undefined });
		expect(view.total).toBe(5);
	});

	it('asks nothing for an undefined query and keeps a failed query as its error', async () => {
		const page = definePage()
			.query('skipped', (): Ask<object> => undefined)
			.query('failing', (): Ask<object> => sql`SELECT broken`);
		let runs = 0;
		const view = await evaluatePage(page, context, async () => {
			runs++;
			throw new Error('Binder Error: broken');
		});
		expect(runs).toBe(1);
		expect(view.skipped.rows).toBeUndefined();
		expect(view.failing).toEqual({ rows: undefined, loading: false, error: 'Binder Error: broken' });
	});

	it('builds a new definition at each step, so a shared prefix is never changed', () => {
		const base = definePage().derive('a', () => 1);
		const longer = base.derive('b', () => 2);
		expect(base.steps).toHaveLength(1);
		expect(longer.steps.map((step) => step.name)).toEqual(['a', 'b']);
	});
});
