import { pathwayStages } from '$lib/contract';
import { ident, join, literal, sql, type Sql } from '../../sql';

/**
 * A referral's furthest pathway stage as its position in the contract's ordered list (0 = MASH referral …
 * 4 = risk management tool completed); NULL when not recorded. "Reached stage k" is then index ≥ k.
 */
export function stageIndex(column = 'pathway_stage'): Sql {
	const whens = pathwayStages.codes.map((code, index) => sql`WHEN ${literal(code)} THEN ${index}`);
	return sql`CASE ${ident(column)} ${join(whens, ' ')} END`;
}

/** The stages as a VALUES list (stage_index, stage), to cross with referrals. */
export function stageList(): Sql {
	const rows = pathwayStages.codes.map((code, index) => sql`(${index}, ${literal(code)})`);
	return sql`(VALUES ${join(rows)}) AS stages(stage_index, stage)`;
}
