import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cambridgeshireAndPeterborough } from '$lib/contract';
import type { Engine } from '$lib/engine/engine';
import { ingestStaged, uploadFile } from '$lib/engine/ingest-staged';
import { createSchema } from '$lib/engine/load-tables';
import { freshEngine, TEST_SECRET } from '../../helpers/engine';

/** A file that notes where each slice taken of it starts (csvPieces reads a piece's bytes through a slice). */
class NotedFile extends Blob {
	readonly name = 'referrals.csv';
	readonly starts: number[] = [];
	override slice(start?: number, end?: number, type?: string): Blob {
		this.starts.push(start ?? 0);
		return super.slice(start, end, type);
	}
}

describe('a CSV read in pieces on the Data page (issue 14)', () => {
	let engine: Engine;
	beforeAll(async () => {
		engine = await freshEngine();
		await createSchema(engine, TEST_SECRET);
	}, 120_000);
	afterAll(async () => {
		await engine.close();
	});

	it('cuts the next piece while DuckDB reads this one', async () => {
		const lines = Array.from({ length: 12 }, (_, at) => `J${at},C${at},05/01/2024,15,M,Fenland`);
		const file = new NotedFile([
			['Referral ID,Child ID,Date of Referral,Age,Gender,District', ...lines].join('\n')
		]);
		// Each statement that reads the registered file: how far into the file the pieces were cut by then.
		const cutWhileReading: number[] = [];
		const noting: Engine = {
			...engine,
			exec: async (statement) => {
				if (statement.text.includes(uploadFile)) cutWhileReading.push(Math.max(...file.starts));
				await engine.exec(statement);
			}
		};
		const pieceBytes = 1;
		const staged = await ingestStaged(noting, file, {
			today: '2024-06-30',
			areas: cambridgeshireAndPeterborough,
			csvPieceBytes: pieceBytes
		});
		expect(staged).toBeDefined();
		await staged!.discard();
		// Not vacuous: several pieces.
		expect(cutWhileReading.length).toBeGreaterThan(3);
		// While DuckDB reads piece k (starting at byte `starts[k]`), piece k + 1 has been cut already: the file was
		// sliced beyond the piece being read, so every read but the last sees the next piece's start.
		const pieceStarts = [...new Set(file.starts.filter((start) => start > 0))].sort((a, b) => a - b);
		for (const [k, cut] of cutWhileReading.slice(0, -1).entries())
			expect(cut, `while reading piece ${k + 1}`).toBe(pieceStarts[k]);
	}, 120_000);
});
