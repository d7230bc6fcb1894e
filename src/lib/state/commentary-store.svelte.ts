import { SvelteMap } from 'svelte/reactivity';
import {
	commentaryFile,
	commentaryFileSchema,
	emptyCommentary,
	type CommentaryFile,
	type SectionCommentary
} from './commentary';

const storageKey = 'sightline.board-pack.commentary';

/**
 * Board pack commentary kept in this browser's localStorage (see `commentary.ts` for why it is kept
 * regardless of the data-persistence setting). Reactive: the pack re-renders as the analyst types.
 */
export class CommentaryStore {
	readonly #sections = new SvelteMap<string, SectionCommentary>();

	constructor(private readonly storage: Storage | undefined = globalThis.localStorage) {
		const stored = this.storage?.getItem(storageKey);
		if (!stored) return;
		try {
			const parsed = commentaryFileSchema.safeParse(JSON.parse(stored));
			if (parsed.success)
				for (const [key, value] of Object.entries(parsed.data.sections)) this.#sections.set(key, value);
		} catch {
			// A corrupt entry is dropped rather than blocking the pack.
		}
	}

	get(key: string): SectionCommentary {
		return this.#sections.get(key) ?? emptyCommentary;
	}

	set(key: string, field: keyof SectionCommentary, text: string): void {
		this.#sections.set(key, { ...this.get(key), [field]: text });
		this.#save();
	}

	/** Everything written, as the export file. */
	export(): CommentaryFile {
		return commentaryFile(Object.fromEntries(this.#sections));
	}

	/** Merge an imported file: its sections replace those with the same key. */
	import(file: CommentaryFile): void {
		for (const [key, value] of Object.entries(file.sections)) this.#sections.set(key, value);
		this.#save();
	}

	clear(): void {
		this.#sections.clear();
		this.storage?.removeItem(storageKey);
	}

	#save(): void {
		this.storage?.setItem(storageKey, JSON.stringify(this.export()));
	}
}
