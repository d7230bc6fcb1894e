import { readFileSync } from 'node:fs';
import { tables, type TableName } from '$lib/contract';
import type { Engine } from '$lib/engine/engine';
import { loadPopulation } from '$lib/engine/load-reference';
import { createSchema, loadContractCsv, refreshFacts } from '$lib/engine/load-tables';
import { createNodeEngine } from '$lib/engine/node-engine';

type Cell = string | number | boolean | null | undefined;

/** Serialise rows in the contract's CSV layout (header = field names), quoting every text cell. */
export function contractCsv(name: TableName, rows: readonly Record<string, Cell>[]): string {
	const fields = tables[name].fields.map((field) => field.name);
	const cell = (value: Cell) =>
		value === null || value === undefined
			? ''
			: typeof value === 'string'
				? `"${value.replaceAll('"', '""')}"`
				: String(value);
	return (
		[fields.join(','), ...rows.map((row) => fields.map((field) => cell(row[field])).join(','))].join('\n') +
		'\n'
	);
}

/** A Node DuckDB-WASM engine with the contract schema and the given rows loaded. */
export async function engineWith(
	data: Partial<Record<TableName, readonly Record<string, Cell>[]>>
): Promise<Engine> {
	const engine = await createNodeEngine();
	await createSchema(engine);
	await loadPopulation(engine, readFileSync('data/reference/district-population.csv', 'utf8'));
	for (const [name, rows] of Object.entries(data) as [TableName, Record<string, Cell>[]][]) {
		await loadContractCsv(engine, name, contractCsv(name, rows));
	}
	await refreshFacts(engine);
	return engine;
}

/** A referral row with neutral defaults; tests override only what they count. */
export function referral(overrides: Record<string, Cell>): Record<string, Cell> {
	return {
		referral_id: 'R1',
		child_id: 'C1',
		referral_date: '2024-01-15',
		age_at_referral: 15,
		gender: 'male',
		ethnicity: 'white',
		looked_after: false,
		district: 'fenland',
		referral_source: 'police',
		risk_level: 'medium',
		pathway_stage: 'mash_referral',
		intervention: 'none',
		nrm_referral: false,
		missing_episodes_12m: 0,
		...overrides
	};
}

export function episode(overrides: Record<string, Cell>): Record<string, Cell> {
	return {
		episode_id: 'E1',
		child_id: 'C1',
		start_date: '2024-01-10',
		end_date: '2024-01-11',
		episode_type: 'missing',
		age_at_start: 15,
		looked_after: false,
		district: 'fenland',
		rhi_offered: true,
		rhi_accepted: true,
		rhi_date: '2024-01-12',
		...overrides
	};
}
