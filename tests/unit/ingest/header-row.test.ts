/**
 * Title and notes rows above the headings of a CSV (as a sheet's already were): found, said, and open to the
 * user's choice of another row, which a mapping profile keeps.
 */
import { describe, expect, it } from 'vitest';
import { ingestFile, parseMappingProfile } from '$lib/ingest';
import { savedProfile } from '../../../src/routes/data/data-page';

const bytes = (text: string) => new TextEncoder().encode(text);
const today = '2026-12-06';
const headings = 'Referral ID,Child ID,Date of Referral,Age,Gender,District';
const rows = ['R1,C1,01/05/2024,14,M,Fenland', 'R2,C2,02/05/2024,15,F,Peterborough'];
const titled = [
	'Exploitation referrals – produced 1 June 2024,,,,,',
	'Source: case management system,,,,,',
	',,,,,',
	headings,
	...rows
].join('\n');

describe('the heading row of a CSV', () => {
	it('skips title rows above the headings, says so, and loads every data row', async () => {
		const outcome = await ingestFile({ name: 'titled.csv', bytes: bytes(titled) }, { today });
		expect(outcome.status).toBe('loaded');
		if (outcome.status !== 'loaded') return;
		const [file] = outcome.result.files;
		expect([outcome.result.read, outcome.result.loaded]).toEqual([2, 2]);
		expect(file!.headerRow).toBe(4);
		expect(file!.notes.join(' ')).toContain('The headings are on line 4; 2 title rows above');
		// Saved with the profile, so next month's file is read from the same row.
		expect(savedProfile(file!, 'referrals').headerRow).toBe(4);
	});

	it('reads the headings from the row the user chose, and a profile keeps the choice', async () => {
		// A notes row of four cells that looks like headings to the detector: the user says row 2.
		const text = ['Produced by,Data team,on,1 June 2024', headings, ...rows].join('\n');
		const found = await ingestFile({ name: 'notes.csv', bytes: bytes(text) }, { today });
		expect(found.status).toBe('unreadable');
		if (found.status !== 'unreadable') return;
		expect(found.headings?.row).toBe(1);
		expect(found.headings?.candidates.map((candidate) => candidate.row)).toEqual([1, 2, 3, 4]);
		expect(found.reason).toContain(
			'The headings were taken from row 1; if they are on another row, choose it.'
		);

		const chosen = await ingestFile({ name: 'notes.csv', bytes: bytes(text) }, { today, headerRow: 2 });
		expect(chosen.status).toBe('loaded');
		const profile = parseMappingProfile({ name: 'notes', table: 'referrals', columns: {}, headerRow: 2 });
		const byProfile = await ingestFile({ name: 'notes.csv', bytes: bytes(text) }, { today, profile });
		expect(byProfile.status === 'loaded' && byProfile.result.loaded).toBe(2);
	});

	it('the mapping step says which row the headings were taken from', async () => {
		const text = ['Title,,', 'Referral ID,Date of Referral,Age', 'R1,01/05/2024,14'].join('\n');
		const outcome = await ingestFile({ name: 'map.csv', bytes: bytes(text) }, { today });
		expect(outcome.status).toBe('needs-mapping');
		if (outcome.status !== 'needs-mapping') return;
		expect(outcome.headings?.row).toBe(2);
		expect(outcome.headings?.candidates[0]).toEqual({ row: 1, text: 'Title' });
	});

	it('refuses a chosen row that is blank', async () => {
		const outcome = await ingestFile({ name: 'titled.csv', bytes: bytes(titled) }, { today, headerRow: 3 });
		expect(outcome).toMatchObject({
			status: 'unreadable',
			reason: expect.stringContaining('Line 3 is blank')
		});
	});
});
