/**
 * Measures ingest throughput in Node on generated referral extracts (not a test; nothing large is committed):
 * `npx tsx tests/unit/ingest/measure-throughput.ts [rows…]`. Each size is run as CSV (all 29 columns,
 * dd/mm/yyyy, Annex A-style values) and as Parquet, with the sampled zod check and with zod on every row;
 * wall and CPU time are the minimum of three runs, since a shared machine makes single runs noisy.
 */
import { Table, Utf8, tableToIPC, vectorFromArray } from 'apache-arrow';
import { indicators } from '../../../src/lib/contract';
import { ingestFile, toArrowIPC, type IngestOptions } from '../../../src/lib/ingest';

const districts = [
	'Fenland',
	'Peterborough',
	'Cambridge City',
	'E07000011',
	'South Cambs',
	'East Cambridgeshire'
];
const genders = ['M', 'F', 'a) Male', 'b) Female', '1', '2'];
const ethnicities = ['WBRI', 'BCRB', 'MWBA', 'APKN', 'White British', 'REFU', ''];
const sources = ['q) 6: Police', '2A', 'Health', '5D', 'Police', '10'];
const levels = ['Y', 'N', 'High', 'Medium', 'Low', 'NA', ''];
const pad = (n: number) => String(n).padStart(2, '0');

const headers = [
	'Referral ID',
	'Child Unique ID',
	'Date of Referral',
	'Age',
	'Gender',
	'Ethnicity',
	'Looked After',
	'District',
	'Referral Source',
	...indicators.map((indicator) => indicator.label),
	'Risk Level',
	'Pathway Stage',
	'Intervention',
	'NRM Referral',
	'Missing Episodes'
];

function row(i: number): string[] {
	const day = (i % 28) + 1;
	const month = (i % 12) + 1;
	return [
		`R${i}`,
		`C${i % 50_000}`,
		`${pad(day)}/${pad(month)}/${2020 + (i % 5)}`,
		String(10 + (i % 8)),
		genders[i % genders.length]!,
		ethnicities[i % ethnicities.length]!,
		i % 3 === 0 ? 'Y' : 'N',
		districts[i % districts.length]!,
		sources[i % sources.length]!,
		...indicators.map((_, k) => levels[(i + k) % levels.length]!),
		['High', 'Medium', 'Low', 'NA'][i % 4]!,
		['MASH', 'Checklist', 'Central list', 'MASE', 'Risk tool'][i % 5]!,
		['None', 'Deter', 'Understand', 'Disrupt'][i % 4]!,
		i % 7 === 0 ? 'TRUE' : 'FALSE',
		String(i % 9)
	];
}

function csv(rows: number): Uint8Array {
	const lines = [headers.map((h) => (h.includes(',') ? `"${h}"` : h)).join(',')];
	for (let i = 0; i < rows; i++) lines.push(row(i).join(','));
	return new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
}

async function parquet(rows: number): Promise<Uint8Array> {
	const columns = headers.map(() => [] as string[]);
	for (let i = 0; i < rows; i++) row(i).forEach((cell, k) => columns[k]!.push(cell));
	const table = new Table(
		Object.fromEntries(headers.map((h, k) => [h, vectorFromArray(columns[k]!, new Utf8())]))
	);
	const wasm = await import('parquet-wasm');
	return wasm.writeParquet(wasm.Table.fromIPCStream(tableToIPC(table, 'stream')));
}

const cpuMs = () => {
	const usage = process.cpuUsage();
	return (usage.user + usage.system) / 1000;
};

/** Runs one load `repeat` times; reports the minimum wall and CPU time (the machine may be shared). */
async function time(label: string, name: string, bytes: Uint8Array, options: IngestOptions, repeat: number) {
	const walls: number[] = [];
	const cpus: number[] = [];
	const arrows: number[] = [];
	let summary = '';
	for (let run = 0; run < repeat; run++) {
		const cpu = cpuMs();
		const start = performance.now();
		const outcome = await ingestFile({ name, bytes }, { today: '2025-01-01', ...options });
		walls.push(performance.now() - start);
		cpus.push(cpuMs() - cpu);
		if (outcome.status !== 'loaded') throw new Error(`${outcome.status}: ${outcome.reason}`);
		const arrowStart = performance.now();
		const ipc = toArrowIPC(outcome.result);
		arrows.push(performance.now() - arrowStart);
		const { read, loaded, rejectedRows, warnings } = outcome.result;
		summary = `read ${read}, loaded ${loaded}, rejected ${rejectedRows}, warnings ${warnings.length}, IPC ${(ipc.length / 1e6).toFixed(0)} MB`;
	}
	const s = (ms: number[]) => (Math.min(...ms) / 1000).toFixed(2);
	console.log(
		`${label.padEnd(32)} ${(bytes.length / 1e6).toFixed(1).padStart(6)} MB  ingest ${s(walls)} s wall, ${s(cpus)} s CPU  ` +
			`Arrow IPC ${s(arrows)} s  (min of ${repeat}) [${summary}]`
	);
}

const args = process.argv.slice(2).map(Number);
const repeat = 3;
for (const rows of args.length > 0 ? args : [100_000, 1_000_000]) {
	const csvBytes = csv(rows);
	await time(`${rows} rows CSV (zod sample)`, 'big.csv', csvBytes, { contractCheck: 'sample' }, repeat);
	await time(`${rows} rows CSV (zod every row)`, 'big.csv', csvBytes, { contractCheck: 'all' }, 1);
	const parquetBytes = await parquet(rows);
	await time(
		`${rows} rows Parquet (zod sample)`,
		'big.parquet',
		parquetBytes,
		{ contractCheck: 'sample' },
		repeat
	);
}
