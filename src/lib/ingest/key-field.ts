import type { TableContract, TextField } from '../contract';

/**
 * A table's identifier, by the contract's convention: its first field, a required text field (referral_id,
 * episode_id). Duplicates of it within a load, or against data already loaded, are rejected.
 */
export function keyField(table: TableContract): TextField {
	const first = table.fields[0];
	if (!first || first.kind !== 'text' || !first.required) {
		throw new Error(`${table.name}: the first field must be its required text identifier`);
	}
	return first;
}
