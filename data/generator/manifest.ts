import { createHash } from 'node:crypto';
import { cellValue, type ColumnarTable } from './columnar-table';
import type { GeneratorOptions } from './generator-options';
import { GENERATOR_VERSION } from './version';

/** A written file as recorded in the manifest: path relative to the manifest, size and SHA-256. */
export interface ManifestFile {
	readonly path: string;
	readonly bytes: number;
	readonly sha256: string;
}

export interface Manifest {
	readonly generator: string;
	readonly version: string;
	readonly seed: string;
	readonly options: GeneratorOptions;
	readonly dateRange: {
		readonly start: string;
		readonly extractDate: string;
		readonly referralDates: { readonly first: string | null; readonly last: string | null };
		readonly episodeStartDates: { readonly first: string | null; readonly last: string | null };
	};
	readonly rows: { readonly referrals: number; readonly missing_episodes: number };
	readonly files: readonly ManifestFile[];
}

export const sha256 = (bytes: Uint8Array | string): string =>
	createHash('sha256').update(bytes).digest('hex');

/** First and last value of a date column that is in ascending order. */
function span(table: ColumnarTable, name: string): { first: string | null; last: string | null } {
	if (table.length === 0) return { first: null, last: null };
	const column = table.columns[table.fields.findIndex((field) => field.name === name)];
	if (!column) throw new Error(`${table.contract.name}: no column ${name}`);
	return { first: String(cellValue(column, 0)), last: String(cellValue(column, table.length - 1)) };
}

/**
 * The manifest of an extract: what produced it, what it covers and a checksum per file. It holds no
 * timestamp, so regenerating the same extract gives the same manifest.
 */
export function buildManifest(
	options: GeneratorOptions,
	tables: { referrals: ColumnarTable; missingEpisodes: ColumnarTable },
	files: readonly ManifestFile[]
): Manifest {
	return {
		generator: 'Sightline synthetic referral extract (data/generator)',
		version: GENERATOR_VERSION,
		seed: options.seed,
		options,
		dateRange: {
			start: options.start,
			extractDate: options.extractDate,
			referralDates: span(tables.referrals, 'referral_date'),
			episodeStartDates: span(tables.missingEpisodes, 'start_date')
		},
		rows: { referrals: tables.referrals.length, missing_episodes: tables.missingEpisodes.length },
		files
	};
}
