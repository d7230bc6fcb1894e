import type { Reshape } from './transforms';

export type Reshaper = (rows: readonly object[], reshape: Reshape) => Promise<object[]>;

/** A reshaper backed by the transform worker (browser). Requests are matched to answers by id. */
export function createWorkerReshaper(): Reshaper {
	const worker = new Worker(new URL('./transform.worker.ts', import.meta.url), { type: 'module' });
	const pending = new Map<number, { resolve: (rows: object[]) => void; reject: (error: Error) => void }>();
	let nextId = 0;
	worker.onmessage = (event: MessageEvent<{ id: number; rows?: object[]; error?: string }>) => {
		const request = pending.get(event.data.id);
		if (!request) return;
		pending.delete(event.data.id);
		if (event.data.error !== undefined) request.reject(new Error(event.data.error));
		else request.resolve(event.data.rows ?? []);
	};
	return (rows, reshape) =>
		new Promise((resolve, reject) => {
			const id = nextId++;
			pending.set(id, { resolve, reject });
			worker.postMessage({ id, rows, reshape });
		});
}
