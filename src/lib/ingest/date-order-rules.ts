import { tables, type TableName } from '../contract';

/** Two dates of a row that should come in order; a row breaking it is kept with a warning. */
export interface DateOrderRule {
	readonly earlier: string;
	readonly later: string;
	readonly message: string;
}

/**
 * Domain checks the contract's types cannot express: an episode ends on or after it starts, and the return
 * home interview happens on or after the return (statutory guidance: within 72 hours of it).
 */
export const dateOrderRules: Readonly<Record<TableName, readonly DateOrderRule[]>> = {
	referrals: [],
	missing_episodes: [
		{ earlier: 'start_date', later: 'end_date', message: 'the episode ends before it starts' },
		{
			earlier: 'end_date',
			later: 'rhi_date',
			message: 'the return home interview is dated before the return'
		}
	]
};

// Fail at load, not silently, if the contract renames a field these rules name.
for (const [name, rules] of Object.entries(dateOrderRules)) {
	for (const rule of rules) {
		for (const field of [rule.earlier, rule.later]) {
			if (tables[name as TableName].field(field).kind !== 'date')
				throw new Error(`${name}.${field} is not a date`);
		}
	}
}
