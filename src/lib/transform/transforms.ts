import { fillMonths } from './fill-months';

/**
 * Every reshaping a view may ask for, by name. Views describe a reshape as data ({ name, options }) so it
 * can run in the transform worker: Arquero compiles its expressions with `Function`, which the page's
 * Content-Security-Policy forbids, while a same-origin worker script runs under its own (header) policy.
 */
export const transforms = {
	fillMonths
} as const;

export type TransformName = keyof typeof transforms;
type Transform<Name extends TransformName> = (typeof transforms)[Name];

/** A reshaping step described as data: which transform and its options. */
export type Reshape<Name extends TransformName = TransformName> = {
	[N in Name]: { name: N; options: Parameters<Transform<N>>[1] };
}[Name];

export function applyReshape(rows: readonly object[], reshape: Reshape): object[] {
	const transform = transforms[reshape.name] as (rows: readonly object[], options: unknown) => object[];
	return transform(rows, reshape.options);
}
