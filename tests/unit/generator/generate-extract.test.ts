import { describe, expect, it } from 'vitest';
import { missingEpisodes, referrals } from '$lib/contract';
import { rowAt } from '../../../data/generator/columnar-table';
import { toCsv } from '../../../data/generator/csv-encode';
import { generateExtract } from '../../../data/generator/generate-extract';
import { demoOptions } from '../../../data/generator/generator-options';
import { toParquet } from '../../../data/generator/parquet-encode';
import { demoExtract } from './demo-extract';
import { strings } from './extract-measures';

const small = { ...demoOptions, rows: 400 };

describe('generateExtract', () => {
	it('gives byte-identical CSV and Parquet for the same options', async () => {
		const [a, b] = [generateExtract(small), generateExtract(small)];
		expect(toCsv(a.referrals)).toBe(toCsv(b.referrals));
		expect(toCsv(a.missingEpisodes)).toBe(toCsv(b.missingEpisodes));
		expect(await toParquet(a.referrals)).toEqual(await toParquet(b.referrals));
		expect(await toParquet(a.missingEpisodes)).toEqual(await toParquet(b.missingEpisodes));
	});

	it('gives a different extract for a different seed', () => {
		const a = generateExtract(small);
		const b = generateExtract({ ...small, seed: 'another seed' });
		expect(toCsv(b.referrals)).not.toBe(toCsv(a.referrals));
		expect(toCsv(b.missingEpisodes)).not.toBe(toCsv(a.missingEpisodes));
		expect(strings(b.referrals, 'child_id')[0]).not.toBe(strings(a.referrals, 'child_id')[0]);
	});

	it('writes exactly the requested number of referrals', () => {
		for (const rows of [1, 37, 400])
			expect(generateExtract({ ...demoOptions, rows }).referrals.length).toBe(rows);
	});

	it('rejects impossible options', () => {
		expect(() => generateExtract({ ...demoOptions, rows: 0 })).toThrow(/rows/);
		expect(() => generateExtract({ ...demoOptions, rows: 1_000_001 })).toThrow(/rows/);
		expect(() => generateExtract({ ...demoOptions, extractDate: demoOptions.start })).toThrow(/after/);
	});

	it('produces rows that every pass the contract schema, in the contract column order', () => {
		const { referrals: r, missingEpisodes: e } = demoExtract();
		expect(r.fields.map((field) => field.name)).toEqual(referrals.fields.map((field) => field.name));
		// The demo records dates only: the optional return and interview times are not generated; nor is the
		// episodes' sex (the children's gender is in the referrals).
		expect(e.fields.map((field) => field.name)).toEqual(
			missingEpisodes.fields
				.map((field) => field.name)
				.filter((name) => !name.endsWith('_time') && name !== 'sex')
		);
		for (let row = 0; row < r.length; row++) referrals.schema.parse(rowAt(r, row));
		for (let row = 0; row < e.length; row++)
			missingEpisodes.schema.parse({ ...rowAt(e, row), return_time: null, rhi_time: null, sex: null });
	});

	it('numbers referrals R000001… in date order and episodes M0000001… in start order', () => {
		const { referrals: r, missingEpisodes: e } = demoExtract();
		const ids = strings(r, 'referral_id');
		expect(ids[0]).toBe('R000001');
		expect(ids.at(-1)).toBe(`R${String(r.length).padStart(6, '0')}`);
		const dates = strings(r, 'referral_date');
		expect([...dates].sort()).toEqual(dates);
		expect(strings(e, 'episode_id')[0]).toBe('M0000001');
		const starts = strings(e, 'start_date');
		expect([...starts].sort()).toEqual(starts);
		expect(new Set(strings(e, 'episode_id')).size).toBe(e.length);
	});

	it('keeps every date inside the window and nothing after the extract date', () => {
		const { referrals: r, missingEpisodes: e } = demoExtract();
		const inWindow = (date: string) => date >= demoOptions.start && date <= demoOptions.extractDate;
		expect(strings(r, 'referral_date').every(inWindow)).toBe(true);
		expect(strings(e, 'start_date').every(inWindow)).toBe(true);
		for (const column of ['end_date', 'rhi_date']) {
			expect(strings(e, column).every((date) => date === '' || inWindow(date))).toBe(true);
		}
	});
});
