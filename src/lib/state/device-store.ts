import type { TableName } from '$lib/contract';
import { savedViewSchema, type SavedView } from '$lib/domain/saved-view';
import type { MappingProfile } from '$lib/ingest';

/** A loaded file kept on this device, with what is needed to load it again the same way. */
export interface KeptFile {
	/** The file as the user picked it (IndexedDB stores Blobs natively). */
	file: File;
	table?: TableName;
	profile?: MappingProfile;
}

const databaseName = 'sightline';
const filesStore = 'kept-files';
/** Saved cohorts and views, keyed by name (added in version 2 of the database). */
const viewsStore = 'saved-views';

function open(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const request = indexedDB.open(databaseName, 2);
		request.onupgradeneeded = () => {
			const names = request.result.objectStoreNames;
			if (!names.contains(filesStore)) request.result.createObjectStore(filesStore, { autoIncrement: true });
			if (!names.contains(viewsStore)) request.result.createObjectStore(viewsStore, { keyPath: 'name' });
		};
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error ?? new Error('IndexedDB is not available'));
	});
}

function run<T>(
	storeName: string,
	mode: IDBTransactionMode,
	action: (store: IDBObjectStore) => IDBRequest<T>
): Promise<T> {
	return open().then(
		(database) =>
			new Promise<T>((resolve, reject) => {
				const transaction = database.transaction(storeName, mode);
				const request = action(transaction.objectStore(storeName));
				transaction.oncomplete = () => {
					database.close();
					resolve(request.result);
				};
				transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
			})
	);
}

const secretItem = 'sightline-partnership-secret';

/** 32 random bytes as hex: a new partnership secret. */
export function newPartnershipSecret(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(32));
	return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** A partnership secret as the Methods page accepts it: 16 to 256 printable characters, no spaces. */
export function isPartnershipSecret(text: string): boolean {
	return /^[\x21-\x7e]{16,256}$/.test(text);
}

/**
 * The partnership secret that record keys are computed with (publication mode's cell key method, see
 * sql/record-keys.ts): generated once on this device and kept in its local storage, so a reload publishes
 * the same figures; the Methods page exports and imports it so every analyst of a partnership can share it.
 * It never goes into a URL or a download.
 */
export const partnershipSecret = {
	get(): string {
		const kept = globalThis.localStorage?.getItem(secretItem);
		if (kept && isPartnershipSecret(kept)) return kept;
		const made = newPartnershipSecret();
		globalThis.localStorage?.setItem(secretItem, made);
		return made;
	},
	set(secret: string): void {
		if (!isPartnershipSecret(secret))
			throw new Error('A partnership secret is 16 to 256 characters, no spaces.');
		globalThis.localStorage?.setItem(secretItem, secret);
	}
};

/**
 * Opt-in persistence: the user's files (as they were loaded, never the derived tables) kept in this
 * browser's IndexedDB so a reload restores them, and the cohorts and views the user saves. Nothing is
 * stored unless the user asks, and "remove all data from this device" deletes the whole database.
 */
export const deviceStore = {
	add: (file: KeptFile) => run(filesStore, 'readwrite', (store) => store.add(file)).then(() => undefined),
	all: () => run<KeptFile[]>(filesStore, 'readonly', (store) => store.getAll() as IDBRequest<KeptFile[]>),
	/** Save a cohort or view; one saved under the same name is replaced. */
	saveView: (view: SavedView) =>
		run(viewsStore, 'readwrite', (store) => store.put(savedViewSchema.parse(view))).then(() => undefined),
	/** The saved cohorts and views, by name; a record that no longer fits the schema is skipped. */
	views: () =>
		run<unknown[]>(viewsStore, 'readonly', (store) => store.getAll()).then((records) =>
			records.flatMap((record) => {
				const parsed = savedViewSchema.safeParse(record);
				return parsed.success ? [parsed.data] : [];
			})
		),
	removeView: (name: string) =>
		run(viewsStore, 'readwrite', (store) => store.delete(name)).then(() => undefined),
	async removeAll(): Promise<void> {
		globalThis.localStorage?.removeItem(secretItem);
		await new Promise<void>((resolve, reject) => {
			const request = indexedDB.deleteDatabase(databaseName);
			request.onsuccess = () => resolve();
			request.onerror = () => reject(request.error ?? new Error('Could not delete the stored data'));
			request.onblocked = () => resolve();
		});
	}
};
