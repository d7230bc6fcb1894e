import { z } from 'zod';
import { tables, type TableName } from '../lib/contract';

/** A command line the command cannot run with: the message (empty for --help) goes before the usage line. */
export class UsageError extends Error {}

/** How a flag takes its value: one (`--today 2024-06-30` or `--today=2024-06-30`), repeated, or none. */
export type FlagKind = 'value' | 'values' | 'switch';

/** The words of a command line before the schema: positional arguments in `files`, flags by name. */
export type RawArguments = { files: string[] } & Record<string, string | string[] | boolean | undefined>;

/** `--today`: a date as yyyy-mm-dd (the day "in the future" warnings and ages are counted from). */
export const isoDay = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, { message: '--today must be a date as yyyy-mm-dd.' });

/** `--memory-limit`: an amount of memory as DuckDB's `memory_limit` takes it (`6GB`, `512MB`, `4GiB`). */
export const memoryAmount = z.string().regex(/^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i, {
	message: '--memory-limit must be an amount such as 6GB or 512MB.'
});

/** `--table`: one of the contract's tables. */
export const tableName = z.enum(Object.keys(tables) as [TableName, ...TableName[]], {
	message: `--table must be one of ${Object.keys(tables).join(', ')}.`
});

/** `--set FIELD=VALUE`, repeatable: one value for a field across the whole file. */
export const constants = z
	.array(z.string())
	.default([])
	.transform((pairs, context) => {
		const record: Record<string, string> = {};
		for (const pair of pairs) {
			const [field, value] = pair.split(/=(.*)/s, 2);
			if (!field?.trim() || value === undefined || value.trim() === '') {
				context.addIssue({
					code: 'custom',
					message: '--set needs FIELD=VALUE, e.g. --set district=Fenland.'
				});
				return z.NEVER;
			}
			record[field.trim()] = value.trim();
		}
		return record;
	});

/**
 * Splits a command line by the flags a command declares, then checks and types it with the command's zod
 * schema (as configuration is parsed elsewhere), so each CLI states its options once, as data. `--help` and
 * `-h` ask for the usage; an undeclared flag or a value the schema refuses is a `UsageError` with the
 * schema's message.
 */
export function parseArguments<Schema extends z.ZodType>(
	argv: readonly string[],
	flags: Readonly<Record<string, FlagKind>>,
	schema: Schema
): z.infer<Schema> {
	const raw: RawArguments = { files: [] };
	for (let i = 0; i < argv.length; i++) {
		const argument = argv[i]!;
		if (argument === '--help' || argument === '-h') throw new UsageError('');
		if (!argument.startsWith('-')) {
			raw.files.push(argument);
			continue;
		}
		const [flag = '', inline] = argument.split(/=(.*)/s, 2);
		const name = flag.replace(/^--/, '');
		const kind = flag.startsWith('--') ? flags[name] : undefined;
		if (kind === undefined) throw new UsageError(`Unknown option ${argument}.`);
		if (kind === 'switch') {
			raw[name] = true;
			continue;
		}
		const value = inline ?? argv[++i];
		if (value === undefined) throw new UsageError(`${flag} needs a value.`);
		if (kind === 'values') raw[name] = [...((raw[name] as string[] | undefined) ?? []), value];
		else raw[name] = value;
	}
	const parsed = schema.safeParse(raw);
	if (!parsed.success) throw new UsageError(parsed.error.issues[0]?.message ?? 'Invalid arguments.');
	return parsed.data;
}
