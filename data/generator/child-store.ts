import { GrowableArray } from './growable-array';

/** What the generator knows about each child, one typed-array column per attribute (children are numbered 0…). */
export class ChildStore {
	readonly district = new GrowableArray(Uint8Array);
	readonly birth = new GrowableArray(Int32Array);
	readonly gender = new GrowableArray(Uint8Array);
	readonly ethnicity = new GrowableArray(Uint8Array);
	/** Latent exploitation risk, standard normal: drives indicators, risk level, care status and going missing. */
	readonly risk = new GrowableArray(Float32Array);
	/** Day the child became looked after, or NULL_INT if never in the simulated period. */
	readonly lookedAfterFrom = new GrowableArray(Int32Array);
	readonly firstReferral = new GrowableArray(Int32Array);
	/** The child's missing episodes are `episodeCount` consecutive rows of the episode store from `firstEpisode`. */
	readonly firstEpisode = new GrowableArray(Int32Array);
	readonly episodeCount = new GrowableArray(Int32Array);

	get length(): number {
		return this.birth.length;
	}
}
