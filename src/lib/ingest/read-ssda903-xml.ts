import type { RawRow, RawTable } from './raw-table';
import { children, text, type XmlElement } from './xml-tree';

/**
 * Reads an SSDA903 return as XML (`<EXPSSDA903>` → `<CHILD>` → `<HEADER>` with `<AMISSING>` episodes, and
 * `<EPISODE>` periods of care) as missing episodes: one row per `<AMISSING>`, enriched from the child's
 * header (date of birth → age at the start) and marked looked after, as every child in the return is.
 * Episodes of care are counted in a note, not loaded. The return names no area, so the user sets one.
 */
export function readSsda903Xml(root: XmlElement, totalBytes: number): RawTable {
	const headers = ['CHILD', 'DOB', 'MISSING', 'MIS_START', 'MIS_END', 'Looked After'];
	const rows: RawRow[] = [];
	const childElements = children(root, 'CHILD');
	let episodes = 0;
	for (const child of childElements) {
		const header = children(child, 'HEADER')[0];
		episodes += children(child, 'EPISODE').length;
		// <AMISSING> sits in the header in the published layout; some exports put it beside the header.
		const missing = [...children(header, 'AMISSING'), ...children(child, 'AMISSING')];
		const id = text(header, 'CHILDID') ?? text(child, 'CHILDID');
		for (const episode of missing) {
			rows.push({
				cells: [
					id,
					text(header, 'DOB'),
					text(episode, 'MISSING'),
					text(episode, 'MIS_START'),
					text(episode, 'MIS_END'),
					'Yes'
				],
				row: rows.length + 1,
				line: null,
				problem: null
			});
		}
	}
	return {
		format: 'xml',
		headers,
		encoding: null,
		delimiter: null,
		sheet: null,
		notes: [
			`SSDA903 return: ${childElements.length} looked-after children, ${rows.length} missing or away episodes (loaded) and ${episodes} episodes of care (read for the header only; placements are not charted).`
		],
		totalBytes,
		recognised: {
			id: 'ssda903-xml',
			label: 'SSDA903 return (XML)',
			loadsAs: 'missing_episodes',
			use: 'Its missing and away episodes load as missing episodes, with the age at the start from the child’s date of birth and looked-after status; the episode ID is derived from the child and the start date.',
			areaNotRecorded: true
		},
		batches: (async function* () {
			yield { rows, bytesRead: totalBytes };
		})()
	};
}
