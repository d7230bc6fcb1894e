import { describe, expect, it } from 'vitest';
import { columnValues } from '../../../data/generator/columnar-table';
import { generateExtract } from '../../../data/generator/generate-extract';
import { demoOptions } from '../../../data/generator/generator-options';
import { fromParquet, toParquet, verifyParquet } from '../../../data/generator/parquet-encode';

const extract = generateExtract({ ...demoOptions, rows: 300 });

/** A Parquet column as the generated table's values (dates as ISO strings). */
const readColumn = (bytes: Uint8Array, name: string) =>
	fromParquet(bytes)
		.getChild(name)
		?.toArray()
		.map((value: unknown) =>
			typeof value === 'number' && name.endsWith('date') ? new Date(value).toISOString().slice(0, 10) : value
		);

describe('Parquet encoding', () => {
	it('round-trips every cell of both tables with the contract types', async () => {
		for (const table of [extract.referrals, extract.missingEpisodes]) {
			const bytes = await toParquet(table);
			const back = fromParquet(bytes);
			expect(back.numRows).toBe(table.length);
			for (const field of table.fields) {
				const type = String(back.schema.fields.find((f) => f.name === field.name)?.type);
				const expectedType = {
					text: 'Utf8',
					enum: 'Utf8',
					integer: 'Int32',
					time: 'Int32',
					boolean: 'Bool',
					date: 'Date32<DAY>'
				};
				expect(type, field.name).toBe(expectedType[field.kind]);
				expect(back.schema.fields.find((f) => f.name === field.name)?.nullable).toBe(!field.required);
				expect(Array.from(readColumn(bytes, field.name) ?? []), field.name).toEqual(
					columnValues(table, field.name)
				);
			}
		}
	});

	it('verifies what it wrote and notices a difference', async () => {
		const bytes = await toParquet(extract.referrals);
		await expect(verifyParquet(bytes, extract.referrals)).resolves.toBeUndefined();
		await expect(verifyParquet(bytes, extract.missingEpisodes)).rejects.toThrow();
	});
});
