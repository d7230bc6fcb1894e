import { population } from '$lib/contract';
import { createTable, readContractCsv } from '$lib/sql/schema';
import { ident, sql } from '$lib/sql/sql';
import type { Engine } from './engine';

/** The virtual file the population CSV is registered as while it loads. */
export const populationCsvFile = 'population.contract.csv';

/** Load the child population reference (denominators for rates) from CSV in the contract's layout. */
export async function loadPopulation(engine: Engine, csvText: string): Promise<void> {
	const fileName = populationCsvFile;
	await engine.registerText(fileName, csvText);
	try {
		await engine.exec(createTable(population));
		await engine.exec(sql`INSERT INTO ${ident(population.name)} ${readContractCsv(population, fileName)}`);
	} finally {
		await engine.dropFile(fileName);
	}
}
