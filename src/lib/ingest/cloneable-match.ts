import type { HeaderMatch } from './match-headers';

/**
 * The match without its derive functions (constants, derived IDs): postMessage cannot clone a function, so
 * the worker sends this. `how` ('constant', 'derived') and `index` -1 still say which columns were not read.
 */
export const cloneableMatch = (match: HeaderMatch): HeaderMatch => ({
	...match,
	columns: match.columns.map(({ derive: _derive, ...column }) => column)
});
