/**
 * GSS symbols for values that are not published as numbers (Government Statistical Service guidance on
 * symbols): `c` confidential (suppressed to protect individuals), `k` a non-zero value that rounds to 0.
 */
export type DisclosureSymbol = 'c' | 'k';

/** A count as it may be published: a number, or null with the symbol that explains why. */
export interface PublishedCell {
	value: number | null;
	symbol: DisclosureSymbol | null;
	/** Why the cell is suppressed: a small count itself (primary), or to protect one (secondary). */
	suppression: 'primary' | 'secondary' | null;
}

export interface DisclosureOptions {
	/** Counts from 1 to this value are suppressed (0 is not). Default 5, as in DfE children's social care statistics. */
	threshold?: number;
	/** Round published counts to the nearest multiple of this (e.g. 5), half up; default no rounding. */
	roundTo?: number | null;
}

/** Validates a count for disclosure control: a whole number ≥ 0. */
export function assertCount(value: number, where: string): void {
	if (!Number.isInteger(value) || value < 0) {
		throw new RangeError(`${where}: counts must be whole numbers >= 0, got ${value}`);
	}
}

/** Validates the options and fills in defaults. */
export function disclosureSettings({ threshold = 5, roundTo = null }: DisclosureOptions = {}): {
	threshold: number;
	roundTo: number | null;
} {
	if (!Number.isInteger(threshold) || threshold < 0) {
		throw new RangeError(`disclosure control: threshold must be a whole number >= 0, got ${threshold}`);
	}
	if (roundTo !== null && (!Number.isInteger(roundTo) || roundTo < 1)) {
		throw new RangeError(`disclosure control: roundTo must be a whole number >= 1, got ${roundTo}`);
	}
	return { threshold, roundTo };
}

/** Whether a count is a small number that must itself be suppressed (1 to threshold; 0 is published). */
export function isPrimary(value: number, threshold: number): boolean {
	return value >= 1 && value <= threshold;
}

/** How a count is published once its suppression status is known: `c`, rounded, or `k` if it rounds to 0. */
export function publishCount(
	value: number,
	suppression: 'primary' | 'secondary' | null,
	roundTo: number | null
): PublishedCell {
	if (suppression !== null) return { value: null, symbol: 'c', suppression };
	if (roundTo === null || roundTo === 1) return { value, symbol: null, suppression: null };
	const rounded = Math.floor(value / roundTo + 0.5) * roundTo;
	if (rounded === 0 && value > 0) return { value: null, symbol: 'k', suppression: null };
	return { value: rounded, symbol: null, suppression: null };
}
