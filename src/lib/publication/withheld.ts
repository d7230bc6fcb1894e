/**
 * The GSS symbol for a figure publication mode withholds (Government Statistical Service guidance on
 * symbols): `c`, confidential. Counts are never withheld (they are perturbed at the seam, publish-rows.ts);
 * what is withheld is a figure that would say too much or too little about its published counts: a share
 * over a published base under 10 (share-base.ts), or a count a view derives that falls in the protected
 * range 1–5.
 */
export type DisclosureSymbol = 'c';

/** A row as a view shows it: a withheld figure is null, with its symbol in `suppressed` under its column. */
export type Published<Row> = Row & { suppressed?: Record<string, DisclosureSymbol> };
