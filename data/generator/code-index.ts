import type { Enumeration } from '../../src/lib/contract';

/**
 * Position of each code in a contract enumeration. Generated enum columns store these positions in a
 * Uint8Array; typing the lookup by the contract's codes makes a renamed code a compile error here.
 */
export function codeIndex<Code extends string>(
	enumeration: Enumeration<Code>
): Readonly<Record<Code, number>> {
	return Object.fromEntries(enumeration.codes.map((code, i) => [code, i])) as Record<Code, number>;
}
