import type { IngestReply, IngestRequest, WorkerOutcome, WorkerPhase } from '$lib/ingest/ingest.worker';
import type { IngestProgress } from '$lib/ingest';

export interface IngestJob {
	outcome: Promise<WorkerOutcome>;
	cancel(): void;
}

type Request = Omit<IngestRequest, 'type' | 'id'>;

/** The main thread's handle on the ingest worker: one file per job, with progress and cancel. */
export class IngestClient {
	readonly #worker = new Worker(new URL('../ingest/ingest.worker.ts', import.meta.url), { type: 'module' });
	readonly #jobs = new Map<
		number,
		{
			resolve: (outcome: WorkerOutcome) => void;
			reject: (error: Error) => void;
			onProgress: (p: IngestProgress) => void;
			onPhase: (phase: WorkerPhase) => void;
		}
	>();
	#nextId = 0;

	constructor() {
		this.#worker.onmessage = (event: MessageEvent<IngestReply>) => {
			const reply = event.data;
			const job = this.#jobs.get(reply.id);
			if (!job) return;
			if (reply.type === 'progress') job.onProgress(reply);
			else if (reply.type === 'phase') job.onPhase(reply.phase);
			else {
				this.#jobs.delete(reply.id);
				if (reply.type === 'done') job.resolve(reply.outcome);
				else job.reject(new Error(reply.message));
			}
		};
	}

	/** Start ingesting one file; the bytes are transferred to the worker. */
	ingest(
		request: Request,
		onProgress: (progress: IngestProgress) => void,
		onPhase: (phase: WorkerPhase) => void = () => {}
	): IngestJob {
		const id = this.#nextId++;
		const outcome = new Promise<WorkerOutcome>((resolve, reject) => {
			this.#jobs.set(id, { resolve, reject, onProgress, onPhase });
		});
		this.#worker.postMessage({ type: 'ingest', id, ...request } satisfies IngestRequest, [request.bytes]);
		return { outcome, cancel: () => this.#worker.postMessage({ type: 'cancel', id }) };
	}
}
