import { z } from 'zod';
import { tables, type Field, type TableName } from '../contract';
import type { HeaderMatch } from './match-headers';

const tableNames = Object.keys(tables) as [TableName, ...TableName[]];

/** Codes a profile may map a source value to: the enumeration's codes, or true/false for a yes/no field. */
function allowedCodes(field: Field): readonly string[] | null {
	if (field.kind === 'enum') return field.values.codes;
	if (field.kind === 'boolean') return ['true', 'false'];
	return null;
}

/**
 * A saved mapping, so next month's extract from the same system maps itself: which column feeds each field
 * and, optionally, what local values mean (`{ "district": { "PBoro": "peterborough" } }`). Checked against
 * the contract, so a profile naming a field or code that does not exist is refused with a clear message.
 */
export const mappingProfileSchema = z
	.strictObject({
		name: z.string().trim().min(1, 'A profile needs a name.').max(200),
		table: z.enum(tableNames),
		columns: z.record(z.string(), z.string().min(1)),
		/** The line (CSV) or sheet row (XLSX) of the headings, when title rows above them hide them. */
		headerRow: z.number().int().min(1).max(1000).optional(),
		/** One value for a field across the whole file, as cell text: `{ "district": "Fenland" }`. */
		constants: z.record(z.string(), z.string().trim().min(1)).optional(),
		values: z.record(z.string(), z.record(z.string(), z.string())).optional()
	})
	.superRefine((profile, context) => {
		const table = tables[profile.table];
		const fields = new Map<string, Field>(
			[...table.fields, ...table.inputOnly].map((field) => [field.name, field])
		);
		for (const name of Object.keys(profile.columns)) {
			if (!fields.has(name)) {
				context.addIssue({
					code: 'custom',
					path: ['columns', name],
					message: `${table.label} has no field "${name}".`
				});
			}
		}
		for (const name of Object.keys(profile.constants ?? {})) {
			if (!fields.has(name)) {
				context.addIssue({
					code: 'custom',
					path: ['constants', name],
					message: `${table.label} has no field "${name}".`
				});
			}
		}
		for (const [name, mapping] of Object.entries(profile.values ?? {})) {
			const field = fields.get(name);
			const codes = field ? allowedCodes(field) : null;
			if (!field || !codes) {
				context.addIssue({
					code: 'custom',
					path: ['values', name],
					message: field
						? `${field.label} is not a coded field, so its values cannot be mapped.`
						: `${table.label} has no field "${name}".`
				});
				continue;
			}
			for (const [source, code] of Object.entries(mapping)) {
				if (!codes.includes(code)) {
					context.addIssue({
						code: 'custom',
						path: ['values', name, source],
						message: `"${code}" is not a code of ${field.label} (expected one of ${codes.join(', ')}).`
					});
				}
			}
		}
	});

export type MappingProfile = z.infer<typeof mappingProfileSchema>;

/** Parses a profile from JSON text or a value; throws an Error listing every problem in plain English. */
export function parseMappingProfile(input: string | unknown): MappingProfile {
	let value: unknown = input;
	if (typeof input === 'string') {
		try {
			value = JSON.parse(input);
		} catch (error) {
			throw new Error(
				`The mapping profile is not valid JSON (${error instanceof Error ? error.message : String(error)}).`
			);
		}
	}
	const parsed = mappingProfileSchema.safeParse(value);
	if (!parsed.success) {
		const problems = parsed.error.issues.map((issue) =>
			issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message
		);
		throw new Error(`The mapping profile is not valid: ${problems.join('; ')}`);
	}
	return parsed.data;
}

/** A profile recording a mapping as it stands (after the user's choices), to save for next month. */
export function profileFromMatch(
	name: string,
	match: HeaderMatch,
	values?: MappingProfile['values'],
	constants: Readonly<Record<string, string>> = {}
): MappingProfile {
	return mappingProfileSchema.parse({
		name,
		table: match.table,
		columns: Object.fromEntries(
			match.columns.filter((column) => !column.derive).map((column) => [column.field, column.header])
		),
		...(Object.keys(constants).length > 0 ? { constants } : {}),
		...(values ? { values } : {})
	});
}
