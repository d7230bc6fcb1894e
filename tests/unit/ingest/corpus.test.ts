import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { columnValues, ingestFile, parseMappingProfile, type IngestOptions } from '../../../src/lib/ingest';
import { corpus, fixtureToday, profiles } from '../../fixtures/ingest/corpus';
import { readme } from '../../fixtures/ingest/make-fixtures';

const directory = join(import.meta.dirname, '../../fixtures/ingest');

async function load(file: string, extra: Partial<IngestOptions> = {}) {
	const fixture = corpus.find((entry) => entry.file === file)!;
	const bytes = new Uint8Array(await readFile(join(directory, file)));
	const profile = fixture.options?.profile
		? parseMappingProfile(await readFile(join(directory, fixture.options.profile), 'utf8'))
		: undefined;
	return ingestFile(
		{ name: file, bytes },
		{
			today: fixtureToday,
			contractCheck: 'all',
			sheet: fixture.options?.sheet,
			table: fixture.options?.table,
			profile,
			...extra
		}
	);
}

describe('ingest fixture corpus', () => {
	it('has at least 30 files, each named once', () => {
		expect(corpus.length).toBeGreaterThanOrEqual(30);
		expect(new Set(corpus.map((fixture) => fixture.file)).size).toBe(corpus.length);
	});

	for (const fixture of corpus) {
		it(`${fixture.file}: ${fixture.hazard}`, async () => {
			const outcome = await load(fixture.file);
			const expected = fixture.expect;
			if (expected.status !== 'loaded') {
				expect(outcome.status).toBe(expected.status);
				if (outcome.status !== 'loaded') expect(outcome.reason).toContain(expected.message);
				return;
			}
			if (outcome.status !== 'loaded')
				throw new Error(`${fixture.file}: ${outcome.status}: ${outcome.reason}`);
			const { result } = outcome;
			expect(result.table).toBe(expected.table);
			expect({
				read: result.read,
				loaded: result.loaded,
				rejected: result.rejectedRows,
				warnings: result.warnings.length
			}).toEqual({
				read: expected.read,
				loaded: expected.loaded,
				rejected: expected.rejected,
				warnings: expected.warnings
			});
			expect(result.read).toBe(result.loaded + result.rejectedRows);
			if (expected.blankRows !== undefined) expect(result.blankRows).toBe(expected.blankRows);
			for (const column of Object.values(result.columns))
				expect(columnValues(column)).toHaveLength(result.loaded);
			// Every rejected row has at least one issue naming row, column and a reason.
			expect(new Set(result.rejected.map((issue) => issue.row)).size).toBe(result.rejectedRows);
			for (const issue of [...result.rejected, ...result.warnings]) {
				expect(issue.file).toBe(fixture.file);
				expect(issue.row).toBeGreaterThanOrEqual(1);
				expect(issue.column).not.toBe('');
				expect(issue.reason.length).toBeGreaterThan(10);
			}
			const reasons = result.rejected.map((issue) => issue.reason);
			for (const message of expected.rejections ?? []) {
				expect(
					reasons.some((reason) => reason.includes(message)),
					`${message} in ${reasons.join(' | ')}`
				).toBe(true);
			}
			const warnings = result.warnings.map((issue) => issue.reason);
			for (const message of expected.warningReasons ?? []) {
				expect(
					warnings.some((reason) => reason.includes(message)),
					`${message} in ${warnings.join(' | ')}`
				).toBe(true);
			}
		});
	}

	it('committed fixtures are what make-fixtures.ts writes', async () => {
		for (const fixture of corpus) {
			const onDisk = new Uint8Array(await readFile(join(directory, fixture.file)));
			expect(Buffer.from(onDisk).equals(Buffer.from(await fixture.build())), fixture.file).toBe(true);
		}
		for (const [file, profile] of Object.entries(profiles)) {
			expect(JSON.parse(await readFile(join(directory, file), 'utf8'))).toEqual(profile);
		}
		expect(await readFile(join(directory, 'README.md'), 'utf8')).toBe(readme());
	});
});
