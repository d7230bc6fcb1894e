import type { TableSnapshot } from '$lib/engine/table-snapshot';
import type { DataSource } from './data-source';

/**
 * What "keep this data on this device" stores: the validated contract columns as loaded, and the
 * provenance the banner and exports show (each file's name, size, SHA-256, rows and dates). Never the
 * files themselves (their dates of birth, workers' names and other columns the contract does not hold) and
 * never the rejected-row report, which quotes raw cell values.
 */
export interface KeptData {
	source: DataSource;
	tables: TableSnapshot;
}

/** A change another tab made to what is kept, announced so every open tab shows the same. */
export type KeptChange = { type: 'saved' } | { type: 'removed' };

const databaseName = 'sightline';
const storeName = 'kept-data';
const key = 'data';
const channelName = 'sightline-kept-data';

function open(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		// Version 2: version 1 kept the original files ("kept-files"); upgrading deletes them.
		const request = indexedDB.open(databaseName, 2);
		request.onupgradeneeded = () => {
			const database = request.result;
			if (database.objectStoreNames.contains('kept-files')) database.deleteObjectStore('kept-files');
			if (!database.objectStoreNames.contains(storeName)) database.createObjectStore(storeName);
		};
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

const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(channelName);
const announce = (change: KeptChange) => channel?.postMessage(change);

/**
 * Opt-in persistence in this browser's IndexedDB. Nothing is stored unless the user asks; "remove all data
 * from this device" deletes the whole database. Every change is announced to the other open tabs
 * (BroadcastChannel), so removing the data in one is seen in the others, and a load in one does not
 * overwrite what another kept.
 */
export const deviceStore = {
	async save(data: KeptData): Promise<void> {
		await run('readwrite', (store) => store.put(data, key));
		announce({ type: 'saved' });
	},
	load: () =>
		run<KeptData | undefined>('readonly', (store) => store.get(key) as IDBRequest<KeptData | undefined>),
	async removeAll(): Promise<void> {
		await new Promise<void>((resolve, reject) => {
			const request = indexedDB.deleteDatabase(databaseName);
			request.onsuccess = () => resolve();
			request.onerror = () => reject(request.error ?? new Error('Could not delete the stored data'));
			request.onblocked = () => resolve();
		});
		announce({ type: 'removed' });
	},
	/** Call `listener` when another tab changes what is kept; returns the unsubscribe function. */
	onChange(listener: (change: KeptChange) => void): () => void {
		const handle = (event: MessageEvent<KeptChange>) => listener(event.data);
		channel?.addEventListener('message', handle);
		return () => channel?.removeEventListener('message', handle);
	}
};
