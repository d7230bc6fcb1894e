type TypedArray = Int32Array | Uint8Array | Float32Array | Uint32Array;
type TypedArrayConstructor<T extends TypedArray> = new (length: number) => T;

/** An append-only typed array that doubles its capacity: compact columns for a million rows. */
export class GrowableArray<T extends TypedArray> {
	#buffer: T;
	#length = 0;
	readonly #make: TypedArrayConstructor<T>;

	constructor(make: TypedArrayConstructor<T>, capacity = 1024) {
		this.#make = make;
		this.#buffer = new make(Math.max(1, capacity));
	}

	get length(): number {
		return this.#length;
	}

	push(value: number): number {
		if (this.#length === this.#buffer.length) {
			const bigger = new this.#make(this.#buffer.length * 2);
			bigger.set(this.#buffer);
			this.#buffer = bigger;
		}
		this.#buffer[this.#length] = value;
		return this.#length++;
	}

	get(index: number): number {
		return this.#buffer[index] ?? 0;
	}

	set(index: number, value: number): void {
		this.#buffer[index] = value;
	}

	/** A view of the filled part (no copy). */
	view(): T {
		return this.#buffer.subarray(0, this.#length) as T;
	}
}
