import type { TableName } from '$lib/contract';
import type { MappingProfile } from '$lib/ingest';

/** A loaded file kept on this device, with what is needed to load it again the same way. */
export interface KeptFile {
	/** The file as the user picked it (IndexedDB stores Blobs natively). */
	file: File;
	table?: TableName;
	profile?: MappingProfile;
}

const databaseName = 'sightline';
const storeName = 'kept-files';

function open(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const request = indexedDB.open(databaseName, 1);
		request.onupgradeneeded = () => request.result.createObjectStore(storeName, { autoIncrement: true });
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error ?? new Error('IndexedDB is not available'));
	});
}

function run<T>(mode: IDBTransactionMode, action: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
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

/**
 * Opt-in persistence: the user's files (as they were loaded, never the derived tables) kept in this
 * browser's IndexedDB so a reload restores them. Nothing is stored unless the user asks, and "remove all
 * data from this device" deletes the whole database.
 */
export const deviceStore = {
	add: (file: KeptFile) => run('readwrite', (store) => store.add(file)).then(() => undefined),
	all: () => run<KeptFile[]>('readonly', (store) => store.getAll() as IDBRequest<KeptFile[]>),
	async removeAll(): Promise<void> {
		await new Promise<void>((resolve, reject) => {
			const request = indexedDB.deleteDatabase(databaseName);
			request.onsuccess = () => resolve();
			request.onerror = () => reject(request.error ?? new Error('Could not delete the stored data'));
			request.onblocked = () => resolve();
		});
	}
};
