import type { RawRow, RawTable } from './raw-table';
import { ssda903Reference } from './read-ssda903-reference';
import { children, text, type XmlElement } from './xml-tree';

const row = (cells: RawRow['cells'], index: number): RawRow => ({
	cells,
	row: index + 1,
	line: null,
	problem: null
});

/**
 * Reads an SSDA903 return as XML (`<EXPSSDA903>` → `<CHILD>` → `<HEADER>` with `<AMISSING>` episodes, and
 * `<EPISODE>` periods of care) as the three tables of the CSV layout: one Missing row per `<AMISSING>`
 * (CHILD, DOB, MISSING, MIS_START, MIS_END, as the Missing table has them), and the headers (CHILD, SEX,
 * DOB) and periods of care (CHILD, DECOM, DEC) as reference tables, which enrich the episodes exactly as a
 * Header and an Episodes CSV would: the same data loads as the same episodes either way. The return names
 * no area, so the user sets one.
 */
export function readSsda903Xml(root: XmlElement, totalBytes: number): RawTable {
	const headers = ['CHILD', 'DOB', 'MISSING', 'MIS_START', 'MIS_END'];
	const rows: RawRow[] = [];
	const headerRows: RawRow[] = [];
	const periodRows: RawRow[] = [];
	const childElements = children(root, 'CHILD');
	for (const child of childElements) {
		const header = children(child, 'HEADER')[0];
		// <AMISSING> sits in the header in the published layout; some exports put it beside the header.
		const missing = [...children(header, 'AMISSING'), ...children(child, 'AMISSING')];
		const id = text(header, 'CHILDID') ?? text(child, 'CHILDID');
		headerRows.push(row([id, text(header, 'SEX'), text(header, 'DOB')], headerRows.length));
		for (const period of children(child, 'EPISODE'))
			periodRows.push(row([id, text(period, 'DECOM'), text(period, 'DEC')], periodRows.length));
		for (const episode of missing) {
			rows.push(
				row(
					[
						id,
						text(header, 'DOB'),
						text(episode, 'MISSING'),
						text(episode, 'MIS_START'),
						text(episode, 'MIS_END')
					],
					rows.length
				)
			);
		}
	}
	const episodes = periodRows.length;
	return {
		format: 'xml',
		headers,
		encoding: null,
		delimiter: null,
		sheet: null,
		notes: [
			`SSDA903 return: ${childElements.length} looked-after children, ${rows.length} missing or away episodes (loaded) and ${episodes} episodes of care (read for the periods of care; placements are not charted).`
		],
		totalBytes,
		recognised: {
			id: 'ssda903-xml',
			label: 'SSDA903 return (XML)',
			loadsAs: 'missing_episodes',
			use: 'Its missing and away episodes load as missing episodes, with the sex and the age at the start from the child’s header and whether the child was looked after from the periods of care; the episode ID is derived from the child and the start date.',
			// As for the Missing table: the return's children are looked after, until their periods of care say.
			constants: { looked_after: 'Yes' },
			areaNotRecorded: true
		},
		references: [
			ssda903Reference('header', '<HEADER>', ['CHILD', 'SEX', 'DOB'], headerRows),
			ssda903Reference('episodes', '<EPISODE>', ['CHILD', 'DECOM', 'DEC'], periodRows)
		],
		batches: (async function* () {
			yield { rows, bytesRead: totalBytes };
		})()
	};
}
