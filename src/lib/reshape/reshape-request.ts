import type { PivotOptions, Reshaped } from './pivot-wider';

/** A message to the reshape worker. */
export interface ReshapeRequest {
	id: number;
	rows: readonly object[];
	pivot: PivotOptions;
}

/** The worker's answer: the reshaped result, or why it could not be made; `ms` is the time spent. */
export type ReshapeResponse = { id: number; ms: number } & (
	{ ok: true; result: Reshaped } | { ok: false; message: string }
);
