import type { Area, PopulationRow } from '$lib/contract';
import type { TableSnapshot } from '$lib/engine/table-snapshot';
import { savedViewSchema, type SavedView } from '$lib/domain/saved-view';
import type { DataSource } from './data-source';
import { readKeptFirstScreen, type KeptFirstScreen } from './kept-first-screen';

/**
 * What "keep this data on this device" stores: the validated contract columns as loaded, and the
 * provenance the banner and exports show (each file's name, size, SHA-256, rows and dates). Never the
 * files themselves (their dates of birth, workers' names and other columns the contract does not hold) and
 * never the rejected-row report, which quotes raw cell values.
 */
export interface KeptData {
	source: DataSource;
	tables: TableSnapshot;
	/** The area reference loaded with the data (ONS estimates or an areas file), when it is not the bundled one. */
	areas?: KeptAreas;
	/**
	 * The first screen's answers, computed from these rows when they were kept (`keptFirstScreen`): shown at
	 * the next start while DuckDB compiles. Stored beside the record, under its own key in the same
	 * transaction, so a start reads these few kilobytes without the tables; data kept before there was one
	 * (or of another version) restores all the same, without it.
	 */
	firstScreen?: KeptFirstScreen;
}

/** An area reference as loaded: its title, its areas in chart order and their child populations. */
export interface KeptAreas {
	title: string;
	areas: Area[];
	population: PopulationRow[];
}

/** A change another tab made to what is kept, announced so every open tab shows the same. */
export type KeptChange = { type: 'saved' } | { type: 'removed' };

const databaseName = 'sightline';
const dataStore = 'kept-data';
const key = 'data';
/** The kept data's first screen, beside it in the same store (see `KeptData.firstScreen`). */
const firstScreenKey = 'first-screen';
/** Saved cohorts and views, keyed by name. */
const viewsStore = 'saved-views';
const channelName = 'sightline-kept-data';

function open(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		// Version 3: versions 1 and 2 kept the original files ("kept-files"); upgrading deletes them and keeps
		// the saved views (added in version 2).
		const request = indexedDB.open(databaseName, 3);
		request.onupgradeneeded = () => {
			const database = request.result;
			const names = database.objectStoreNames;
			if (names.contains('kept-files')) database.deleteObjectStore('kept-files');
			if (!names.contains(dataStore)) database.createObjectStore(dataStore);
			if (!names.contains(viewsStore)) database.createObjectStore(viewsStore, { keyPath: 'name' });
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

const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(channelName);
const announce = (change: KeptChange) => channel?.postMessage(change);

/**
 * Opt-in persistence in this browser's IndexedDB: the kept data, and the cohorts and views the user
 * saves. Nothing is stored unless the user asks; "remove all data from this device" deletes the whole
 * database and the partnership secret. Every change is announced to the other open tabs
 * (BroadcastChannel), so removing the data in one is seen in the others, and a load in one does not
 * overwrite what another kept.
 */
export const deviceStore = {
	async save({ firstScreen, ...data }: KeptData): Promise<void> {
		await run(dataStore, 'readwrite', (store) => {
			// In one transaction: a first screen is never left beside other data than its own.
			if (firstScreen) store.put(firstScreen, firstScreenKey);
			else store.delete(firstScreenKey);
			return store.put(data, key);
		});
		announce({ type: 'saved' });
	},
	load: () =>
		run<KeptData | undefined>(
			dataStore,
			'readonly',
			(store) => store.get(key) as IDBRequest<KeptData | undefined>
		),
	/** The kept data's first screen, without reading the data; undefined when there is none of this version. */
	firstScreen: () =>
		run<unknown>(dataStore, 'readonly', (store) => store.get(firstScreenKey)).then(readKeptFirstScreen),
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
		announce({ type: 'removed' });
	},
	/** Call `listener` when another tab changes what is kept; returns the unsubscribe function. */
	onChange(listener: (change: KeptChange) => void): () => void {
		const handle = (event: MessageEvent<KeptChange>) => listener(event.data);
		channel?.addEventListener('message', handle);
		return () => channel?.removeEventListener('message', handle);
	}
};
