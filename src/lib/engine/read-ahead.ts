/**
 * The items of `source` in order, each next one asked for as soon as the one before is handed over, so the
 * source works on item k + 1 while the consumer works on item k (issue 14: a Parquet load decoded a row group
 * with parquet-wasm on the main thread, then waited while DuckDB's worker inserted it, then decoded the next:
 * the two threads took turns). At most one item is read ahead. Stopping early (a `return` or a throw in the
 * consumer's loop) waits for the read in flight, then closes the source, so a source that frees a resource
 * when it ends (parquet-wasm's reader) never frees it under a read.
 */
export async function* readAhead<T>(source: AsyncIterable<T>): AsyncGenerator<T, void, undefined> {
	const iterator = source[Symbol.asyncIterator]();
	let done = false;
	let pending = iterator.next();
	// Its rejection is awaited below; until then, it must not count as unhandled.
	pending.catch(() => undefined);
	try {
		for (;;) {
			const result = await pending;
			if (result.done) {
				done = true;
				return;
			}
			pending = iterator.next();
			pending.catch(() => undefined);
			yield result.value;
		}
	} finally {
		if (!done) {
			const last = await pending.then(
				(result) => result,
				() => ({ done: true, value: undefined })
			);
			if (!last.done) await iterator.return?.();
		}
	}
}
