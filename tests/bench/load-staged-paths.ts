import {
	closeSync,
	existsSync,
	openSync,
	readSync,
	writeFileSync,
	createReadStream,
	createWriteStream
} from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { launchChromium } from '../helpers/chromium';
import { dataPageLoad, extract, loadPhaseNames, phaseMedianCells, type ChosenHeading } from './load-extract';
import { startFloorServer, timeFloor } from './load-baselines';
import { median } from './preview-server';
import { startStaticServer } from './static-server';

const port = Number(process.env.BENCH_PORT ?? 4481);
const rows = 1_000_000;

/** One kind of CSV the Data page reads: the file, and the heading line chosen for it (if any). */
interface Variant {
	readonly label: string;
	readonly path: string;
	readonly heading?: ChosenHeading;
	/** The floor it is measured against: DuckDB-WASM's `read_csv` of the UTF-8 CSV, or parquet-wasm → insert. */
	readonly floor: 'csv' | 'parquet';
}

/** The first line of a file, as bytes. */
function firstLine(path: string): Buffer {
	const buffer = Buffer.alloc(1 << 16);
	const handle = openSync(path, 'r');
	try {
		const read = readSync(handle, buffer, 0, buffer.length, 0);
		return buffer.subarray(0, buffer.subarray(0, read).indexOf(0x0a) + 1);
	} finally {
		closeSync(handle);
	}
}

/**
 * The 1M extract's referrals two more ways (git-ignored beside it): as Windows-1252 (one referral's child ID
 * given an é, byte 0xE9, so the file is not UTF-8: the rest is ASCII, the same bytes), and with a title line
 * above the headings that the Data page takes for the headings (14 text cells), so the user chooses line 2.
 */
async function variants(dir: string): Promise<Variant[]> {
	const utf8 = `${dir}/referrals.csv`;
	const windows1252 = `${dir}/referrals-windows-1252.csv`;
	const titled = `${dir}/referrals-titled.csv`;
	const heading = firstLine(utf8);
	if (!existsSync(windows1252)) {
		const out = createWriteStream(windows1252);
		const source = createReadStream(utf8);
		let first = true;
		await pipeline(
			source,
			async function* (chunks: AsyncIterable<Buffer>) {
				for await (const chunk of chunks) {
					if (!first) {
						yield chunk;
						continue;
					}
					first = false;
					// The first referral's child ID (the second cell of line 2) ends in é.
					const line2 = chunk.indexOf(0x0a) + 1;
					const comma = chunk.indexOf(0x2c, chunk.indexOf(0x2c, line2) + 1);
					yield Buffer.concat([chunk.subarray(0, comma), Buffer.from([0xe9]), chunk.subarray(comma)]);
				}
			},
			out
		);
	}
	if (!existsSync(titled)) {
		const title =
			'Sightline,benchmark,extract,of,one,million,referrals,with,a,title,line,above,its,headings\n';
		writeFileSync(titled, title);
		await pipeline(createReadStream(utf8), createWriteStream(titled, { flags: 'a' }));
	}
	if (heading.length === 0) throw new Error(`${utf8} has no heading line`);
	return [
		{ label: 'UTF-8', path: utf8, floor: 'csv' },
		{ label: 'Windows-1252', path: windows1252, floor: 'csv' },
		{ label: 'heading on line 2, chosen', path: titled, heading: { line: 2 }, floor: 'csv' },
		// The generator's own Parquet (the staged-phases bench's), against the Parquet floor.
		{ label: 'Parquet', path: `${dir}/referrals.parquet`, floor: 'parquet' }
	];
}

/**
 * The Data page's load of the 1M referrals three ways as CSV (UTF-8; Windows-1252; the headings on a line the
 * user chooses) and as Parquet, each by the build before a change (BENCH_BEFORE_BUILD, a copy of an earlier
 * `build/`) and by today's `build/`, and the in-browser floors (DuckDB-WASM's own `read_csv` of the UTF-8
 * file; parquet-wasm → Arrow → insert of the Parquet file) in the same browser, run after run in turn so each
 * run's conditions are shared: medians of BENCH_RUNS (default 2) of the seconds and of each phase, and each
 * against its format's floor. BENCH_VARIANTS=UTF-8,Parquet picks variants by the start of their label.
 * Heavy: check `free -g` first.
 */
export async function loadStagedPaths(runs = Number(process.env.BENCH_RUNS ?? 2)): Promise<void> {
	const dir = extract('1M', rows);
	const chosen = await variants(dir);
	const only = process.env.BENCH_VARIANTS?.split(',');
	const builds = [
		...(process.env.BENCH_BEFORE_BUILD ? [{ label: 'before', build: process.env.BENCH_BEFORE_BUILD }] : []),
		{ label: 'after', build: 'build' }
	];
	const servers = await Promise.all(
		builds.map((build, at) => startStaticServer(port + at, false, {}, build.build))
	);
	const floor = await startFloorServer(port + builds.length);
	const browser = await launchChromium();
	const floorTimes: Record<Variant['floor'], number[]> = { csv: [], parquet: [] };
	const picked = chosen.filter((variant) => !only || only.some((name) => variant.label.startsWith(name)));
	const floorPaths = { csv: `${dir}/referrals.csv`, parquet: `${dir}/referrals.parquet` };
	const times = new Map<string, { seconds: number; phases: Record<string, number> }[]>();
	try {
		for (let run = 0; run < runs; run++) {
			for (const format of ['csv', 'parquet'] as const) {
				if (!picked.some((variant) => variant.floor === format)) continue;
				floorTimes[format].push(await timeFloor(browser, floor.baseUrl, floorPaths[format], rows));
				console.log(`${format} floor ${floorTimes[format].at(-1)!.toFixed(1)} s`);
			}
			for (const variant of picked) {
				for (const [at, build] of builds.entries()) {
					const key = `${variant.label} | ${build.label}`;
					const result = await dataPageLoad(
						browser,
						servers[at]!.baseUrl,
						variant.path,
						rows,
						variant.heading
					);
					times.set(key, [...(times.get(key) ?? []), result]);
					console.log(`${key}: ${result.seconds.toFixed(1)} s`);
				}
			}
		}
	} finally {
		await browser.close();
		floor.stop();
		for (const server of servers) server.stop();
	}
	const lines = [
		`| file | build | Data page (s) | ÷ floor | ${loadPhaseNames.join(' | ')} |`,
		`| --- | --- | --- | --- | ${loadPhaseNames.map(() => '---').join(' | ')} |`
	];
	for (const [key, results] of times) {
		const variant = picked.find((one) => key.startsWith(`${one.label} |`))!;
		const floorMedian = median(floorTimes[variant.floor]);
		const seconds = median(results.map((result) => result.seconds));
		lines.push(
			`| ${key} | ${seconds.toFixed(1)} | ${(seconds / floorMedian).toFixed(1)}× | ${phaseMedianCells(results).join(' | ')} |`
		);
	}
	for (const format of ['csv', 'parquet'] as const)
		if (floorTimes[format].length > 0)
			console.log(
				`${format} floor: median ${median(floorTimes[format]).toFixed(1)} s of ${floorTimes[format].length}`
			);
	console.log(lines.join('\n'));
}
