import type { PivotOptions, Reshaped } from './pivot-wider';
import type { ReshapeRequest, ReshapeResponse } from './reshape-request';

let worker: Worker | undefined;
let next = 0;
const waiting = new Map<number, (response: ReshapeResponse) => void>();

/**
 * Pivot rows in the reshape worker (started on first use, then kept): off the page's thread and outside its
 * no-eval policy. Resolves with the wide result and the worker's own time in ms; rejects with the reason a
 * pivot could not be made.
 */
export function pivotInWorker(
	rows: readonly object[],
	pivot: PivotOptions
): Promise<Reshaped & { ms: number }> {
	if (!worker) {
		worker = new Worker(new URL('./reshape.worker.ts', import.meta.url), { type: 'module' });
		worker.onmessage = (event: MessageEvent<ReshapeResponse>) => {
			waiting.get(event.data.id)?.(event.data);
			waiting.delete(event.data.id);
		};
	}
	const id = ++next;
	const request: ReshapeRequest = { id, rows, pivot };
	return new Promise((resolve, reject) => {
		waiting.set(id, (response) =>
			response.ok ? resolve({ ...response.result, ms: response.ms }) : reject(new Error(response.message))
		);
		worker!.postMessage(request);
	});
}
