import { GrowableArray } from './growable-array';

/**
 * Every simulated missing episode, one typed-array column per attribute. `end` is the day the child came
 * back even when that is after the extract date; the extract blanks what was not yet known on that date.
 */
export class EpisodeStore {
	readonly child = new GrowableArray(Int32Array);
	readonly start = new GrowableArray(Int32Array);
	readonly end = new GrowableArray(Int32Array);
	/** Position in the contract's episode types (missing / away). */
	readonly type = new GrowableArray(Uint8Array);
	readonly rhiOffered = new GrowableArray(Uint8Array);
	/** 0/1, or NULL_CODE when no interview was offered. */
	readonly rhiAccepted = new GrowableArray(Uint8Array);
	/** Day of the return home interview, or NULL_INT when none took place. */
	readonly rhiDay = new GrowableArray(Int32Array);

	get length(): number {
		return this.start.length;
	}
}
