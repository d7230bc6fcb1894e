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

/**
 * The short form ("Jul–Sept 2026", "Jul 2026", "Sept") is for chart ticks, tips, table cells and lists of
 * many periods; prose (titles, sentences, findings, headline cards) takes the long form. The board pack read
 * "Jul–Sept 2026" in its findings under a title saying "July–September 2026" because the comparison windows
 * carried a short label for sentences. Each file allowed a short formatter is listed with what it labels.
 */
const shortFormUses: Record<string, string> = {
	'lib/summaries/indicator-trend.ts': "the Indicators trend chart's quarter ticks and table cells",
	'lib/summaries/looked-after.ts': "the looked-after chart's quarter ticks and table cells",
	'routes/pathway/pathway-page.ts': "the pathway charts' quarter table cells and tips",
	'routes/cohorts/cohorts-page.ts': "the cohort's quarter bars and the list of every quarter's leading kind",
	'routes/missing/seasonal-pattern.ts': "the seasonal chart's month ticks"
};

const shortFormatter =
	/\b(formatQuarter|formatShortPeriod|formatShortMonth|quarterLabel)\b(?!Months)|formatMonthName\([^)]*'short'/;

describe('one period vocabulary', () => {
	it('names a period in the short form only where a chart or table labels it', () => {
		const users = sourceFiles(src)
			.map((path) => relative(src, path).replaceAll('\\', '/'))
			.filter((path) => !allowed(path))
			.filter((path) => shortFormatter.test(readFileSync(join(src, path), 'utf8')));
		expect(users.sort()).toEqual(Object.keys(shortFormUses).sort());
	});

	it('names dates and periods only through src/lib/format', () => {
		const offenders = sourceFiles(src)
			.map((path) => relative(src, path).replaceAll('\\', '/'))
			.filter((path) => !allowed(path))
			.filter((path) => dateFormatter.test(readFileSync(join(src, path), 'utf8')));
		expect(offenders).toEqual([]);
	});
});
