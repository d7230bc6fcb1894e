import { afterAll, beforeAll } from 'vitest';
import type { Engine } from '$lib/engine/engine';

/**
 * A test file's engine: made before the file's tests (`beforeAll`), closed after them, and usable as a plain
 * `Engine` in every test; calls are forwarded to the engine `make` returned. Using it outside a test (while the
 * file is collected) is an error, as the engine does not exist yet.
 */
export function engineForFile(make: () => Promise<Engine>): Engine {
	let engine: Engine | undefined;
	beforeAll(async () => {
		engine = await make();
	});
	afterAll(() => engine?.close());
	return new Proxy({} as Engine, {
		get(_, key: keyof Engine) {
			if (!engine) throw new Error(`engine.${String(key)} was used before the file's engine was made`);
			const value = engine[key];
			return typeof value === 'function' ? value.bind(engine) : value;
		}
	});
}
