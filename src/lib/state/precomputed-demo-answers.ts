import { deviceStore } from './device-store';

/**
 * The answers precomputed from the bundled demo (static/precomputed-answers.json, written by `npm run
 * precompute`), as JSON for `Dataset.start` to check against the files it loads; undefined when they cannot
 * apply: data kept on this device is about to replace the demo, or the build has none.
 */
export async function precomputedDemoAnswers(url: string): Promise<unknown> {
	const [kept, response] = await Promise.all([
		deviceStore.load().catch(() => undefined),
		fetch(url).catch(() => undefined)
	]);
	return kept === undefined && response?.ok ? response.json() : undefined;
}
