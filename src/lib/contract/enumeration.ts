import { z } from 'zod';

/** One allowed value of a coded field: the stored code, its en-GB label and the spellings extracts use for it. */
export interface EnumValue<Code extends string = string> {
	readonly code: Code;
	readonly label: string;
	/** Other spellings seen in extracts (CIN codes, Annex A wording). Matched case-, space- and punctuation-insensitively. */
	readonly aliases?: readonly string[];
}

/** A closed list of codes with labels: the zod schema, the label lookup and the alias list come from one array. */
export interface Enumeration<Code extends string = string> {
	readonly values: readonly EnumValue<Code>[];
	readonly codes: readonly Code[];
	readonly schema: z.ZodEnum<{ [K in Code]: K }>;
	label(code: Code): string;
}

export function enumeration<const Code extends string>(
	values: readonly EnumValue<Code>[]
): Enumeration<Code> {
	const codes = values.map((value) => value.code);
	const labels = new Map(values.map((value) => [value.code, value.label]));
	return {
		values,
		codes,
		schema: z.enum(codes as [Code, ...Code[]]) as unknown as z.ZodEnum<{ [K in Code]: K }>,
		label: (code) => labels.get(code) ?? code
	};
}
