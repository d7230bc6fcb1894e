/**
 * Root of a continuous function on a bracket [a, b] where f(a) and f(b) differ in sign, by Brent's method
 * (Brent, Algorithms for Minimization without Derivatives, 1973, ch. 4): inverse quadratic interpolation
 * and secant steps, falling back to bisection, so it always converges. Used to invert the Poisson funnel
 * limits in the count; tested on functions with known roots and through the rate funnel limits.
 */
export function findRoot(
	f: (x: number) => number,
	lower: number,
	upper: number,
	{ tolerance = 1e-15, maxIterations = 300 }: { tolerance?: number; maxIterations?: number } = {}
): number {
	let a = lower;
	let b = upper;
	let fa = f(a);
	let fb = f(b);
	if (fa === 0) return a;
	if (fb === 0) return b;
	if (Math.sign(fa) === Math.sign(fb)) {
		throw new RangeError(`findRoot: f(${a}) and f(${b}) must have opposite signs`);
	}
	let c = a;
	let fc = fa;
	let d = b - a;
	let e = d;
	for (let i = 0; i < maxIterations; i++) {
		if (Math.sign(fb) === Math.sign(fc)) {
			c = a;
			fc = fa;
			d = b - a;
			e = d;
		}
		if (Math.abs(fc) < Math.abs(fb)) {
			a = b;
			b = c;
			c = a;
			fa = fb;
			fb = fc;
			fc = fa;
		}
		const tol = 2 * Number.EPSILON * Math.abs(b) + tolerance * Math.abs(b) + Number.MIN_VALUE;
		const m = (c - b) / 2;
		if (Math.abs(m) <= tol || fb === 0) return b;
		if (Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
			const s = fb / fa;
			let p: number;
			let q: number;
			if (a === c) {
				p = 2 * m * s;
				q = 1 - s;
			} else {
				const r = fb / fc;
				const t = fa / fc;
				p = s * (2 * m * t * (t - r) - (b - a) * (r - 1));
				q = (t - 1) * (r - 1) * (s - 1);
			}
			if (p > 0) q = -q;
			else p = -p;
			if (2 * p < Math.min(3 * m * q - Math.abs(tol * q), Math.abs(e * q))) {
				e = d;
				d = p / q;
			} else {
				d = m;
				e = m;
			}
		} else {
			d = m;
			e = m;
		}
		a = b;
		fa = fb;
		b += Math.abs(d) > tol ? d : m > 0 ? tol : -tol;
		fb = f(b);
	}
	return b;
}
