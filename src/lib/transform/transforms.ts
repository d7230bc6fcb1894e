import { fillMonths } from './fill-months';
import { fillPeriods } from './fill-periods';

/**
 * Every reshaping a query may ask for, by name. A view or a metric describes its reshape as data
 * (`{ name, options }`) so the request can be keyed by its text (an unchanged request is not re-run) and a
 * metric in `sql/` can ask for one without importing this layer. `LiveQuery` applies it synchronously to the
 * answer, in the page: every transform here must run without code generation (the page's CSP has no
 * 'unsafe-eval'), which `tests/unit/transform/transforms.test.ts` checks.
 */
export const transforms = {
	fillPeriods,
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
