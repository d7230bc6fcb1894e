/// <reference lib="webworker" />
import { cloneableMatch } from './cloneable-match';
import { ingestFile, type IngestOutcome } from './ingest-file';
import type { MappingProfile } from './mapping-profile';
import type { Ssda903Reference } from './read-ssda903-reference';
import { toArrowIPC } from './to-arrow-ipc';
import { areaReference, type Area, type TableName } from '../contract';

/**
 * Runs the ingest pipeline off the main thread, so a million-row extract never freezes the page. The
 * loaded columns go back as one Arrow IPC stream (transferred, not copied); the account of every row goes
 * back with it. Cancelling aborts between chunks.
 */
export interface IngestRequest {
	type: 'ingest';
	id: number;
	name: string;
	bytes: ArrayBuffer;
	table?: TableName;
	profile?: MappingProfile;
	today?: string;
	/** XLSX: the sheet to read (an Annex A list). */
	sheet?: string;
	/** CSV and XLSX: the line or sheet row of the headings, when the user chose it. */
	headerRow?: number;
	/** Identifiers already loaded (referral or episode ids), so repeats across extracts are rejected. */
	knownIds?: string[];
	/** The loaded area reference, as plain data: the areas a district cell may name. */
	areas?: { title: string; areas: Area[] };
	/** SSDA903 Header and Episodes tables loaded earlier: missing episodes are enriched from them. */
	references?: Ssda903Reference[];
}

/** The load phases that run in the worker (the page names and times them: state/load-phases.ts). */
export type WorkerPhase = 'decode' | 'validate' | 'arrow';

export type IngestReply =
	| { type: 'progress'; id: number; rowsRead: number; bytesRead: number; totalBytes: number }
	| { type: 'phase'; id: number; phase: WorkerPhase }
	| { type: 'done'; id: number; outcome: WorkerOutcome }
	| { type: 'failed'; id: number; message: string };

/** An outcome with the loaded columns replaced by their Arrow IPC stream. */
export type WorkerOutcome =
	| Exclude<IngestOutcome, { status: 'loaded' }>
	| (Omit<Extract<IngestOutcome, { status: 'loaded' }>, 'result'> & {
			result: Omit<Extract<IngestOutcome, { status: 'loaded' }>['result'], 'columns'>;
			ipc: Uint8Array;
	  });

const controllers = new Map<number, AbortController>();

self.onmessage = async (event: MessageEvent<IngestRequest | { type: 'cancel'; id: number }>) => {
	const message = event.data;
	if (message.type === 'cancel') {
		controllers.get(message.id)?.abort();
		return;
	}
	const controller = new AbortController();
	controllers.set(message.id, controller);
	let lastProgress = 0;
	let validating = false;
	const phase = (phase: WorkerPhase) =>
		self.postMessage({ type: 'phase', id: message.id, phase } satisfies IngestReply);
	try {
		// Sniffing and decoding the text come first; the first batch of rows starts the validation.
		phase('decode');
		const outcome = await ingestFile(
			{ name: message.name, bytes: new Uint8Array(message.bytes) },
			{
				table: message.table,
				profile: message.profile,
				today: message.today,
				sheet: message.sheet,
				headerRow: message.headerRow,
				// The page can ask for the area in its mapping step rather than reject every row.
				areaNotRecorded: 'ask',
				knownIds: message.knownIds ? new Set(message.knownIds) : undefined,
				areas: message.areas ? areaReference(message.areas.title, message.areas.areas) : undefined,
				references: message.references,
				signal: controller.signal,
				onProgress: (progress) => {
					if (!validating) {
						validating = true;
						phase('validate');
					}
					const now = performance.now();
					if (now - lastProgress < 100) return;
					lastProgress = now;
					self.postMessage({ type: 'progress', id: message.id, ...progress } satisfies IngestReply);
				}
			}
		);
		if (outcome.status !== 'loaded') {
			const plain =
				outcome.status === 'needs-mapping' ? { ...outcome, match: cloneableMatch(outcome.match) } : outcome;
			self.postMessage({ type: 'done', id: message.id, outcome: plain } satisfies IngestReply);
			return;
		}
		phase('arrow');
		const ipc = toArrowIPC(outcome.result);
		const { columns: _columns, ...result } = outcome.result;
		const reply: IngestReply = {
			type: 'done',
			id: message.id,
			outcome: { ...outcome, match: cloneableMatch(outcome.match), result, ipc }
		};
		self.postMessage(reply, [ipc.buffer]);
	} catch (error) {
		const text =
			error instanceof Error ? `${error.name === 'AbortError' ? 'Cancelled' : error.message}` : String(error);
		self.postMessage({ type: 'failed', id: message.id, message: text } satisfies IngestReply);
	} finally {
		controllers.delete(message.id);
	}
};
