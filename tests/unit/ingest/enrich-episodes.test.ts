/**
 * SSDA903 Header and Episodes tables enrich missing episodes (sex, age at the start, looked after) whichever
 * order the files come in. Fixtures in tests/fixtures/ingest/ssda903 (see its README); the public samples
 * from `../shared/samples` (see samples-directory.ts). Every count was found by hand from the files, as the
 * comment beside it says.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cambridgeshireAndPeterborough } from '../../../src/lib/contract';
import { columnValues, ingestFile, type IngestOptions, type IngestResult } from '../../../src/lib/ingest';
import { enrichEpisodes } from '../../../src/lib/ingest/enrich-episodes';
import type { Ssda903Reference } from '../../../src/lib/ingest/read-ssda903-reference';
import { samplesDirectory } from '../../fixtures/ingest/samples-directory';

const fixtures = join(import.meta.dirname, '../../fixtures/ingest/ssda903');
const today = '2026-12-06';

async function ingest(path: string, options: IngestOptions = {}) {
	const bytes = new Uint8Array(await readFile(path));
	const name = path.split('/').pop()!;
	return ingestFile({ name, bytes }, { today, contractCheck: 'all', ...options });
}

async function reference(path: string): Promise<Ssda903Reference> {
	const outcome = await ingest(path);
	if (outcome.status !== 'reference') throw new Error(`${path}: ${outcome.status}`);
	return outcome.reference;
}

async function loaded(path: string, options: IngestOptions = {}): Promise<IngestResult> {
	const outcome = await ingest(path, options);
	if (outcome.status !== 'loaded') throw new Error(`${path}: ${outcome.status}`);
	return outcome.result;
}

/** The episodes' enriched fields, row by row, for comparing two loads. */
const fields = (result: IngestResult) =>
	Object.fromEntries(
		['episode_id', 'child_id', 'start_date', 'sex', 'age_at_start', 'looked_after'].map((name) => [
			name,
			columnValues(result.columns[name]!)
		])
	);

describe('SSDA903 samples as reference tables', () => {
	const samples = samplesDirectory();

	it('Header and Episodes CSVs are read as reference tables, every row accounted for', async () => {
		// `wc -l header.csv` = 2,676 (headings + 2,675 children, every one with CHILD and DOB).
		const header = await ingest(join(samples, 'ssda903/header.csv'));
		expect(header.status).toBe('reference');
		if (header.status !== 'reference' || header.reference.kind !== 'header') return;
		expect([header.reference.read, header.reference.children.length]).toEqual([2675, 2675]);
		expect(header.reason).toContain('Read 2,675 rows: 2,675 children.');
		// `wc -l episodes.csv` = 5,051: headings + 5,050 periods of care, each with a DECOM.
		const episodes = await ingest(join(samples, 'ssda903/episodes.csv'));
		if (episodes.status !== 'reference' || episodes.reference.kind !== 'episodes')
			throw new Error(episodes.status);
		expect([episodes.reference.read, episodes.reference.periods.length]).toEqual([5050, 5050]);
	});

	it('a Missing table of four sample children and one other: enriched 4 of 5 by each table', async () => {
		const header = await reference(join(samples, 'ssda903/header.csv'));
		const episodes = await reference(join(samples, 'ssda903/episodes.csv'));
		const result = await loaded(join(fixtures, 'missing-for-samples.csv'), {
			references: [header, episodes]
		});
		expect([result.read, result.loaded, result.rejectedRows]).toEqual([5, 5, 0]);
		expect(result.enrichments?.map((one) => [one.matched, one.episodes])).toEqual([
			[4, 5],
			[4, 5]
		]);
		expect(result.enrichments?.[0]?.message).toBe(
			"Sex and age added to 4 of 5 missing episodes from header.csv; 1 episode's child is not in the header."
		);
		// grep '^566910,' header.csv → 2 (female), DOB 27/03/2008: 8 on 10/03/2017; 384923 → 2, 09/09/2011: 5
		// on 01/06/2017; 709901 → 1, 14/02/2013: 2 on 01/01/2016; 550084 → 2, 04/05/2008: 9 on 20/11/2017; 999999 its own DOB 01/01/2009: 8 on 05/05/2017.
		expect(columnValues(result.columns.sex!)).toEqual(['female', 'female', 'male', 'female', null]);
		expect(columnValues(result.columns.age_at_start!)).toEqual([8, 5, 2, 9, 8]);
		// grep '^709901,' episodes.csv: first DECOM 07/04/2016, after its missing start 01/01/2016; the
		// others' starts fall between a DECOM and its DEC (or a blank DEC). 999999 is in neither table and
		// keeps the Missing table's "looked after".
		expect(columnValues(result.columns.looked_after!)).toEqual([true, true, false, true, true]);
		expect(result.enrichments?.[1]?.message).toBe(
			"Looked-after status at the start added to 4 of 5 missing episodes from episodes.csv; 3 began in a period of care, 1 outside one; 1 episode's child is not in the episodes table (status unchanged)."
		);
		expect(result.warnings).toEqual([]);
	});

	it('the XML sample: sex and age for all 6 episodes; looked after from the periods of care in its return', async () => {
		const result = await loaded(join(samples, 'ssda903/fake_903.xml'), {
			constants: { district: 'Fenland' }
		});
		expect([result.read, result.loaded, result.rejectedRows]).toEqual([6, 6, 0]);
		expect(result.enrichments?.map((one) => one.message)).toEqual([
			'Sex and age added to 6 of 6 missing episodes from fake_903.xml <HEADER>.',
			// Found by reading each <CHILD>: 879537 (10/01/2018, in care since 04/12/2017) and 913048
			// (21/05/2017, 26/04/2016–25/05/2017) were in care; 608176, 350905 and 872011 had left; 569768
			// has no <EPISODE>.
			"Looked-after status at the start added to 5 of 6 missing episodes from fake_903.xml <EPISODE>; 2 began in a period of care, 3 outside one; 1 episode's child is not in the episodes table (status unchanged)."
		]);
	});
});

describe('the same return as XML and as three CSV tables', () => {
	it('loads the same episodes, whichever order the CSV tables come in', async () => {
		const options = { constants: { district: 'Fenland' } };
		const xml = await loaded(join(fixtures, 'return.xml'), options);
		const header = await reference(join(fixtures, 'return-header.csv'));
		const episodes = await reference(join(fixtures, 'return-episodes.csv'));
		const before = await loaded(join(fixtures, 'return-missing.csv'), {
			...options,
			references: [header, episodes]
		});
		// After: the Missing table loaded alone, then enriched by the tables in the other order.
		const alone = await loaded(join(fixtures, 'return-missing.csv'), options);
		const after = enrichEpisodes(alone, [episodes, header], cambridgeshireAndPeterborough);
		expect(fields(xml)).toEqual({
			episode_id: expect.any(Array),
			child_id: ['1001', '1002', '1002', '1003'],
			start_date: ['2017-02-05', '2017-09-02', '2017-12-15', '2018-03-01'],
			sex: ['male', 'female', 'female', 'female'],
			// 1002 born 29/02/2008 turns 9 on 1 March 2017: 9 on both of its starts.
			age_at_start: [8, 9, 9, 8],
			// 1002's care ended 01/12/2017, before its second start; 1003 has no period of care.
			looked_after: [true, true, false, true]
		});
		expect(fields(before)).toEqual(fields(xml));
		expect(fields(after)).toEqual(fields(xml));
		expect(columnValues(alone.columns.sex!)).toEqual([null, null, null, null]);
	});
});

describe('bad input', () => {
	it('a header loaded before the Missing table: a contradiction warns, a child missing from it is counted', async () => {
		const header = await ingest(join(fixtures, 'bad-header.csv'));
		if (header.status !== 'reference') throw new Error(header.status);
		// Row 2's DOB 30/13/2007 is not a date; row 3 has no CHILD: both said, neither silently dropped.
		expect(header.reference.issues.map((issue) => [issue.row, issue.column, issue.value])).toEqual([
			[2, 'DOB', '[withheld]'],
			[3, 'CHILD', '']
		]);
		expect(JSON.stringify(header.reference.issues)).not.toContain('30/13/2007');
		expect(header.reason).toContain('Read 3 rows: 2 children (1 row cannot be used: see the warnings).');
		const result = await loaded(join(fixtures, 'bad-missing.csv'), { references: [header.reference] });
		expect([result.read, result.loaded, result.rejectedRows]).toEqual([3, 3, 0]);
		expect(result.enrichments?.[0]?.message).toBe(
			"Sex and age added to 2 of 3 missing episodes from bad-header.csv; 1 episode's child is not in the header; 1 value the header contradicts (the episode's own value is kept; see the warnings)."
		);
		// 2001 says male itself: kept, with a warning pointing at the header's row; 2002 gets the header's sex.
		expect(columnValues(result.columns.sex!)).toEqual(['male', 'male', 'female']);
		// 2001's header DOB 15/08/2006 gives 11 on 10/05/2018; 2002's DOB is unreadable; 2003 is not listed.
		expect(columnValues(result.columns.age_at_start!)).toEqual([11, null, null]);
		expect(result.warnings).toEqual([
			expect.objectContaining({
				file: 'bad-header.csv',
				row: 1,
				column: 'SEX',
				value: '2',
				reason: expect.stringMatching(
					/^the header gives sex Female, the episode Male for episode .* \(child 2001\)/
				)
			})
		]);
	});
});
