/**
 * Cholesky factor L (lower triangular, A = L Lᵀ) of a small symmetric positive definite matrix, row-major
 * arrays of arrays. Returns null when A is not positive definite (a design with collinear columns).
 * The projection's matrices are at most about 6 × 6, so the textbook algorithm is enough.
 */
export function cholesky(a: readonly (readonly number[])[]): number[][] | null {
	const n = a.length;
	const l = Array.from({ length: n }, () => new Array<number>(n).fill(0));
	for (let i = 0; i < n; i++) {
		for (let j = 0; j <= i; j++) {
			let sum = a[i]![j]!;
			for (let k = 0; k < j; k++) sum -= l[i]![k]! * l[j]![k]!;
			if (i === j) {
				if (!(sum > 0)) return null;
				l[i]![i] = Math.sqrt(sum);
			} else l[i]![j] = sum / l[j]![j]!;
		}
	}
	return l;
}

/** Solves A x = b given A's Cholesky factor L (forward then back substitution). */
export function choleskySolve(l: readonly (readonly number[])[], b: readonly number[]): number[] {
	const n = l.length;
	const y = new Array<number>(n).fill(0);
	for (let i = 0; i < n; i++) {
		let sum = b[i]!;
		for (let k = 0; k < i; k++) sum -= l[i]![k]! * y[k]!;
		y[i] = sum / l[i]![i]!;
	}
	const x = new Array<number>(n).fill(0);
	for (let i = n - 1; i >= 0; i--) {
		let sum = y[i]!;
		for (let k = i + 1; k < n; k++) sum -= l[k]![i]! * x[k]!;
		x[i] = sum / l[i]![i]!;
	}
	return x;
}

/** A⁻¹ from A's Cholesky factor, column by column. */
export function choleskyInverse(l: readonly (readonly number[])[]): number[][] {
	const n = l.length;
	const columns = Array.from({ length: n }, (_, j) =>
		choleskySolve(
			l,
			Array.from({ length: n }, (_, i) => (i === j ? 1 : 0))
		)
	);
	return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => columns[j]![i]!));
}
