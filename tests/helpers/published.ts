import type { Engine } from '$lib/engine/engine';
import { perturb } from '$lib/publication/perturb';
import { PROTECTED_MAX } from '$lib/publication/ptable';
import { Sql } from '$lib/sql/sql';

/**
 * What publication mode must publish for each cell, computed by hand from the facts tables, independently
 * of the metrics' SQL: ptable(true count, sum of the cell's record keys modulo 256), or for distinct children
 * the sum of their distinct hashes. `where` and `groups` are SQL over the facts table; the map's keys are the
 * group values joined by '|'.
 */
export async function publishedByHand(
	engine: Engine,
	{
		table,
		where = 'TRUE',
		groups,
		children = false
	}: {
		table: 'referral_facts' | 'episode_facts';
		where?: string;
		groups: readonly string[];
		children?: boolean;
	}
): Promise<Map<string, { truth: number; published: number }>> {
	const count = children ? 'count(DISTINCT child_key)' : 'count(*)';
	const key = children ? 'sum(DISTINCT child_cell_hash) % 256' : 'sum(record_key) % 256';
	const names = groups.map((group, index) => `CAST(${group} AS VARCHAR) AS g${index}`);
	const rows = await engine.query<Record<string, unknown>>(
		new Sql(`SELECT ${[...names, `${count} AS n`, `CAST(${key} AS INTEGER) AS k`].join(', ')}
		FROM ${table} WHERE ${where} ${groups.length > 0 ? 'GROUP BY ALL' : ''}`)
	);
	return new Map(
		rows.map((row) => [
			groups.map((_, index) => String(row[`g${index}`])).join('|'),
			{ truth: Number(row.n), published: perturb(Number(row.n), Number(row.k)) }
		])
	);
}

/** Whether a value could be a published count: 0, or above the protected range. */
export function isPublishable(value: number | null): boolean {
	return value === null || value === 0 || value > PROTECTED_MAX;
}
