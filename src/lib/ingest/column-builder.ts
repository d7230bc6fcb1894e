import type { Field } from '../contract';
import type { FieldValue } from './field-parser';
import { dayOfIso, type LoadedColumn } from './loaded-column';

/** A typed array twice as long, keeping the first `used` entries. */
function grown<T extends Uint8Array | Int32Array>(array: T, used: number, make: (length: number) => T): T {
	const bigger = make(Math.max(1024, array.length * 2));
	bigger.set(array.subarray(0, used));
	return bigger;
}

/**
 * Collects one field's loaded values row by row into the compact `LoadedColumn` of its kind. The values
 * arrive already checked by the field's parser, so a value of the wrong type here is a bug and throws.
 */
export class ColumnBuilder {
	#length = 0;
	#texts: (string | null)[] = [];
	#numbers = new Int32Array(0);
	#bytes = new Uint8Array(0);
	readonly #codes: readonly string[];
	readonly #codeIndex: Map<string, number>;
	/** Day numbers of ISO dates already seen: a big file repeats a few thousand dates. */
	readonly #days = new Map<string, number>();

	constructor(readonly field: Field) {
		this.#codes = field.kind === 'enum' ? field.values.codes : [];
		this.#codeIndex = new Map(this.#codes.map((code, index) => [code, index + 1]));
	}

	push(value: FieldValue | null): void {
		const at = this.#length++;
		const kind = this.field.kind;
		if (kind === 'text') {
			this.#texts.push(value as string | null);
			return;
		}
		if (at >= this.#bytes.length) this.#bytes = grown(this.#bytes, at, (n) => new Uint8Array(n));
		if (kind === 'enum') {
			if (value === null) return;
			const index = this.#codeIndex.get(value as string);
			if (index === undefined) throw new Error(`${this.field.name}: "${String(value)}" is not a code`);
			this.#bytes[at] = index;
			return;
		}
		if (kind === 'boolean') {
			if (value !== null) this.#bytes[at] = value === true ? 2 : 1;
			return;
		}
		if (at >= this.#numbers.length) this.#numbers = grown(this.#numbers, at, (n) => new Int32Array(n));
		if (value === null) return;
		this.#bytes[at] = 1;
		if (kind === 'integer' || kind === 'time') {
			this.#numbers[at] = value as number;
			return;
		}
		let day = this.#days.get(value as string);
		if (day === undefined) {
			day = dayOfIso(value as string);
			this.#days.set(value as string, day);
		}
		this.#numbers[at] = day;
	}

	build(): LoadedColumn {
		const length = this.#length;
		const bytes = this.#bytes.slice(0, length);
		switch (this.field.kind) {
			case 'text':
				return { kind: 'text', length, values: this.#texts };
			case 'enum':
				return { kind: 'enum', length, codes: this.#codes, indexes: bytes };
			case 'boolean':
				return { kind: 'boolean', length, values: bytes };
			case 'integer':
			case 'time':
				// A time is stored as its minutes after midnight, like any whole number.
				return { kind: 'integer', length, values: this.#numbers.slice(0, length), valid: bytes };
			case 'date':
				return { kind: 'date', length, days: this.#numbers.slice(0, length), valid: bytes };
		}
	}
}
