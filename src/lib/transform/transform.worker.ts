/// <reference lib="webworker" />
import { applyReshape, type Reshape } from './transforms';

/** Runs Arquero reshaping off the main thread and outside the page's no-eval policy (see transforms.ts). */
self.onmessage = (event: MessageEvent<{ id: number; rows: object[]; reshape: Reshape }>) => {
	const { id, rows, reshape } = event.data;
	try {
		self.postMessage({ id, rows: applyReshape(rows, reshape) });
	} catch (error) {
		self.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
	}
};
