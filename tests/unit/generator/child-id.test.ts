import { describe, expect, it } from 'vitest';
import { childIdFormatter } from '../../../data/generator/child-id';

describe('childIdFormatter', () => {
	it('gives C- and 10 hex digits, the same for the same seed and child', () => {
		const id = childIdFormatter('2026');
		expect(id(0)).toMatch(/^C-[0-9a-f]{10}$/);
		expect(childIdFormatter('2026')(12_345)).toBe(id(12_345));
		expect(childIdFormatter('2027')(12_345)).not.toBe(id(12_345));
	});

	it('never repeats an id (a keyed permutation, not a truncated hash)', () => {
		const id = childIdFormatter('unique');
		const ids = new Set(Array.from({ length: 300_000 }, (_, child) => id(child)));
		expect(ids.size).toBe(300_000);
		expect(new Set([id(0), id(2 ** 20), id(2 ** 40 - 1)]).size).toBe(3);
	});
});
