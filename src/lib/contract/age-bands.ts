import { enumeration } from './enumeration';

/**
 * Age bands used for filtering and population rates. Boundaries at 10 and 18 line up with the population
 * reference (0–9, 10–17), so a rate for any band set is well defined.
 */
export const ageBands = enumeration([
	{ code: '0-9', label: 'Under 10' },
	{ code: '10-12', label: '10 to 12' },
	{ code: '13-14', label: '13 to 14' },
	{ code: '15-16', label: '15 to 16' },
	{ code: '17', label: '17' },
	{ code: '18-24', label: '18 to 24' }
]);
export type AgeBand = (typeof ageBands.codes)[number];

/** Inclusive age range of each band. */
export const ageBandRanges: Readonly<Record<AgeBand, readonly [number, number]>> = {
	'0-9': [0, 9],
	'10-12': [10, 12],
	'13-14': [13, 14],
	'15-16': [15, 16],
	'17': [17, 17],
	'18-24': [18, 24]
};
