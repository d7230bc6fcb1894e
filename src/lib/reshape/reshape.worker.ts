import { pivotWider } from './pivot-wider';
import type { ReshapeRequest, ReshapeResponse } from './reshape-request';

/**
 * The one place Arquero runs in the browser. Its verbs compile code with `Function`; the page's
 * Content-Security-Policy (a meta tag, no 'unsafe-eval') does not govern a worker loaded from the app's own
 * origin, whose policy comes from its own response headers (CSP 3, "initialize a global object's CSP
 * list"). A host that sends CSP headers must allow 'unsafe-eval' in script-src for this one script
 * (`_app/immutable/workers/reshape.worker-*.js`) and nothing else: README, "Arquero's job".
 */
self.onmessage = (event: MessageEvent<ReshapeRequest>) => {
	const { id, rows, pivot } = event.data;
	const start = performance.now();
	let response: ReshapeResponse;
	try {
		response = { id, ok: true, result: pivotWider(rows, pivot), ms: performance.now() - start };
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		response = { id, ok: false, message, ms: performance.now() - start };
	}
	self.postMessage(response);
};
