import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cambridgeshireAndPeterborough } from '$lib/contract';
import type { Engine } from '$lib/engine/engine';
import { inAreaOrder } from '$lib/transform/in-area-order';
import { districtsPage } from '../../../src/routes/districts/districts-page';
import { missingPage } from '../../../src/routes/missing/missing-page';
import { pathwayPage } from '../../../src/routes/pathway/pathway-page';
import { demoEngine, runPage } from '../../helpers/page';

/*
 * Issue 13, "districts in one order on every chart": each chart that shows every district lists them in the
 * area reference's order (Cambridge … South Cambridgeshire, Peterborough), not the order its query sorted
 * the codes in (which put Peterborough fifth on Missing and Pathway).
 */

const names = cambridgeshireAndPeterborough.areas.map((area) => area.name);
const inOrder = (labels: readonly string[]) => [...new Set(labels)];

let engine: Engine;
beforeAll(async () => {
	engine = await demoEngine();
});
afterAll(() => engine?.close());

describe('districts in one order on every chart', () => {
	it('Districts, Missing and Pathway list the districts in the area reference’s order', async () => {
		const districts = await runPage(districtsPage, engine);
		const missing = await runPage(missingPage, engine);
		const pathway = await runPage(pathwayPage, engine);
		expect(inOrder(districts.spcChart.rows.map((row) => row.label))).toEqual(names);
		expect(inOrder(districts.comparison.rows.map((row) => row.districtLabel))).toEqual(names);
		expect(inOrder(missing.districtChart.rows.map((row) => row.label))).toEqual(names);
		expect(inOrder(pathway.districtChart.rows.map((row) => row.groupLabel))).toEqual(names);
	});
});

describe('inAreaOrder', () => {
	it('sorts by the reference’s order, keeps each district’s rows in order, puts unknown codes last', () => {
		const rows = [
			{ d: 'z', n: 1 },
			{ d: 'b', n: 2 },
			{ d: 'a', n: 3 },
			{ d: 'b', n: 4 }
		];
		expect(inAreaOrder(rows, (row) => row.d, ['b', 'a']).map((row) => row.n)).toEqual([2, 4, 3, 1]);
	});
});
