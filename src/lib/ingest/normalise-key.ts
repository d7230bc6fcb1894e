/**
 * The comparison key of a heading or a coded value: accents folded, lower case, letters and digits only.
 * So `“Date of Referral ”`, `DATE_OF_REFERRAL` and `Date of referral` (with a non-breaking space) are one
 * key, and so are `Non-binary` and `non binary`. Codes and aliases in the contract are compared the same way.
 */
export function normaliseKey(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '');
}
