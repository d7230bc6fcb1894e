import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * Issue 13, "one period vocabulary everywhere": a month, quarter or day is named only by src/lib/format
 * (date.ts, period.ts), so no page can grow its own "Jul to Sept 2026". This reads the source and fails on a
 * date formatter anywhere else.
 */

const src = resolve(import.meta.dirname, '../../../src');

function sourceFiles(folder: string): string[] {
	return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
		const path = join(folder, entry.name);
		if (entry.isDirectory()) return sourceFiles(path);
		return /\.(ts|svelte)$/.test(entry.name) ? [path] : [];
	});
}

/** Files allowed to format dates: format/, and the filter presets, which domain/ cannot import format/ for. */
const allowed = (path: string) => path.startsWith('lib/format/') || path === 'lib/domain/period-presets.ts';

const dateFormatter = /Intl\.DateTimeFormat|toLocaleDateString|toLocaleTimeString|month:\s*'(long|short)'/;

describe('one period vocabulary', () => {
	it('names dates and periods only through src/lib/format', () => {
		const offenders = sourceFiles(src)
			.map((path) => relative(src, path).replaceAll('\\', '/'))
			.filter((path) => !allowed(path))
			.filter((path) => dateFormatter.test(readFileSync(join(src, path), 'utf8')));
		expect(offenders).toEqual([]);
	});
});
