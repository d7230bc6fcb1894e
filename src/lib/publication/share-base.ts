/**
 * A share (or rate) is published only when its published denominator is at least this: a percentage of
 * six or seven perturbed referrals says little and moves by whole tens of points with the noise. Below it
 * the share is withheld and marked "c"; the counts themselves are published (perturbed) as they are.
 */
export const MIN_SHARE_BASE = 10;

/** Whether a share over this published denominator is withheld in publication mode. */
export function shareWithheld(denominator: number | null | undefined, publication: boolean): boolean {
	return publication && (denominator ?? 0) > 0 && (denominator ?? 0) < MIN_SHARE_BASE;
}
