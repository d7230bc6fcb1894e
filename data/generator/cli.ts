/**
 * `npm run generate -- --rows N --seed S [--out DIR]`: writes the synthetic extract (CSV and Parquet for
 * both tables), a manifest and, for the demo, the district population reference. All file I/O is here;
 * generation and encoding are pure modules.
 */
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { population } from '../../src/lib/contract';
import { parseCliArgs, usage, type OutputFormat } from './cli-args';
import type { ColumnarTable } from './columnar-table';
import { csvChunks, recordsToCsv } from './csv-encode';
import { districtPopulation } from './district-population';
import { generateExtract, windowYears } from './generate-extract';
import { isDemo, type GeneratorOptions } from './generator-options';
import { buildManifest, sha256, type ManifestFile } from './manifest';
import { toParquet, verifyParquet } from './parquet-encode';

const dataDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Streams a table's CSV to a file in chunks, hashing as it goes, so a million rows never sit in one string. */
function writeCsv(path: string, table: ColumnarTable): Omit<ManifestFile, 'path'> {
	const hash = createHash('sha256');
	const fd = openSync(path, 'w');
	let bytes = 0;
	try {
		for (const chunk of csvChunks(table)) {
			const buffer = Buffer.from(chunk, 'utf8');
			hash.update(buffer);
			writeSync(fd, buffer);
			bytes += buffer.length;
		}
	} finally {
		closeSync(fd);
	}
	return { bytes, sha256: hash.digest('hex') };
}

function writeBytes(path: string, content: Uint8Array | string): Omit<ManifestFile, 'path'> {
	const buffer = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
	writeFileSync(path, buffer);
	return { bytes: buffer.length, sha256: sha256(buffer) };
}

async function run(
	options: GeneratorOptions,
	out: string | undefined,
	formats: readonly OutputFormat[]
): Promise<void> {
	const demo = isDemo(options) && out === undefined;
	const outDir = out === undefined ? join(dataDir, isDemo(options) ? 'demo' : 'bench') : resolve(out);
	mkdirSync(outDir, { recursive: true });
	const started = performance.now();
	const seconds = (): string => ((performance.now() - started) / 1000).toFixed(2);

	const extract = generateExtract(options);
	console.log(
		`Generated ${extract.referrals.length} referrals and ${extract.missingEpisodes.length} missing episodes in ${seconds()} s`
	);
	const files: ManifestFile[] = [];
	const report = (file: ManifestFile): ManifestFile => {
		console.log(
			`  ${file.path.padEnd(38)} ${file.bytes.toLocaleString('en-GB').padStart(13)} bytes  ${seconds()} s`
		);
		return file;
	};
	const tables: readonly [string, ColumnarTable][] = [
		['referrals', extract.referrals],
		['missing_episodes', extract.missingEpisodes]
	];
	for (const [name, table] of tables) {
		if (formats.includes('csv')) {
			files.push(report({ path: `${name}.csv`, ...writeCsv(join(outDir, `${name}.csv`), table) }));
		}
		if (formats.includes('parquet')) {
			const bytes = await toParquet(table);
			await verifyParquet(bytes, table);
			files.push(report({ path: `${name}.parquet`, ...writeBytes(join(outDir, `${name}.parquet`), bytes) }));
		}
	}
	if (demo) {
		const referenceDir = join(dataDir, 'reference');
		mkdirSync(referenceDir, { recursive: true });
		const csv = recordsToCsv(
			population.fields.map((field) => field.name),
			districtPopulation(windowYears(options))
		);
		const path = join(referenceDir, 'district-population.csv');
		files.push(report({ path: relative(outDir, path).split('\\').join('/'), ...writeBytes(path, csv) }));
	}
	const manifest = buildManifest(options, extract, files);
	writeBytes(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, '\t')}\n`);
	console.log(`Wrote ${relative(process.cwd(), outDir) || '.'} in ${seconds()} s (seed ${options.seed})`);
}

try {
	const request = parseCliArgs(process.argv.slice(2));
	if (request.kind === 'help') console.log(usage);
	else await run(request.options, request.out, request.formats);
} catch (error) {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
}
