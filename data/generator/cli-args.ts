import { parseArgs } from 'node:util';
import { dayFromIso } from './day-number';
import { demoOptions, MAX_ROWS, type GeneratorOptions } from './generator-options';

export type OutputFormat = 'csv' | 'parquet';

/** What the command line asks for. */
export type CliRequest =
	| { readonly kind: 'help' }
	| {
			readonly kind: 'generate';
			readonly options: GeneratorOptions;
			/** Output folder as given (relative to the working directory), or undefined for the default. */
			readonly out: string | undefined;
			readonly formats: readonly OutputFormat[];
	  };

export const usage = `Generate the synthetic Sightline extract (referrals and missing episodes, CSV and Parquet).

Usage: npm run generate -- [options]

  --rows N              referrals to generate, 1 to 1,000,000 (default ${demoOptions.rows})
  --seed S              any text; the same seed gives byte-identical files (default ${demoOptions.seed})
  --start DATE          first day of the extract, yyyy-mm-dd (default ${demoOptions.start})
  --extract-date DATE   date the extract was taken, yyyy-mm-dd (default ${demoOptions.extractDate})
  --out DIR             output folder (default data/demo for the demo options, otherwise data/bench)
  --format LIST         csv, parquet or csv,parquet (default csv,parquet)
  -h, --help            show this help
`;

function parseRows(text: string): number {
	const rows = Number(text.replaceAll('_', ''));
	if (!/^\d[\d_]*$/.test(text) || !Number.isSafeInteger(rows) || rows < 1 || rows > MAX_ROWS) {
		throw new Error(`--rows must be a whole number from 1 to ${MAX_ROWS}, not "${text}"`);
	}
	return rows;
}

function parseFormats(text: string): OutputFormat[] {
	const formats = text.split(',').map((part) => part.trim().toLowerCase());
	const known: readonly string[] = ['csv', 'parquet'];
	const unknown = formats.filter((format) => !known.includes(format));
	if (unknown.length > 0 || formats.length === 0)
		throw new Error(`--format takes csv and/or parquet, not "${text}"`);
	return [...new Set(formats)] as OutputFormat[];
}

/** Parses the generator's command line (without the node and script arguments); throws on a bad option. */
export function parseCliArgs(args: readonly string[]): CliRequest {
	const { values } = parseArgs({
		args: [...args],
		strict: true,
		allowPositionals: false,
		options: {
			rows: { type: 'string' },
			seed: { type: 'string' },
			start: { type: 'string' },
			'extract-date': { type: 'string' },
			out: { type: 'string' },
			format: { type: 'string' },
			help: { type: 'boolean', short: 'h' }
		}
	});
	if (values.help) return { kind: 'help' };
	const options: GeneratorOptions = {
		rows: values.rows === undefined ? demoOptions.rows : parseRows(values.rows),
		seed: values.seed ?? demoOptions.seed,
		start: values.start ?? demoOptions.start,
		extractDate: values['extract-date'] ?? demoOptions.extractDate
	};
	if (options.seed.length === 0) throw new Error('--seed must not be empty');
	if (dayFromIso(options.extractDate) <= dayFromIso(options.start)) {
		throw new Error(`--extract-date ${options.extractDate} must be after --start ${options.start}`);
	}
	return {
		kind: 'generate',
		options,
		out: values.out,
		formats: values.format === undefined ? ['csv', 'parquet'] : parseFormats(values.format)
	};
}
