import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packCharts, packSources } from '../../../../src/routes/board-pack/pack-sources';

/**
 * Issue 13: every figure in the board pack comes through the publication seam. The pack prints the steps
 * of the dashboard's page definitions named in `packSources` (run with publication mode on, read by the
 * automated reader in tests/publication/pack-reader.test.ts) and nothing else: its markup may show the
 * quarter, the area, the data's date, file names and hashes and the version, but no number of its own (a
 * count formatted in the view, a row count, a length). A figure added to the markup that is not a step of
 * a source fails here.
 */

const folder = 'src/routes/board-pack';
const markupOf = (source: string) =>
	source.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<style[\s\S]*?<\/style>/g, '');

/** Every `{…}` expression a component's markup prints (text and attributes; not `{#if}`, `{#each}`…). */
const expressions = (markup: string) =>
	[...markup.matchAll(/\{([^{}]*)\}/g)]
		.map((match) => match[1]!.trim())
		.filter((expression) => !/^[#:/]/.test(expression));

/** The data the pack may read besides its sources: what identifies the extract, never a count of it. */
const datasetReads =
	/dataset\.(extent\.last_referral|extent\b(?!\.)|areas\.(title|areas)|source\?\.(kind|files))/g;
/** A number the view makes itself. */
const ownFigure =
	/format(Count|Rate|Percent|Decimal|Number)\b|toLocaleString|toFixed|\.length\b|\bfile\.rows\b|\.rows\b/;

/** Why an expression of the pack's markup would show a figure that did not pass the seam, if it would. */
function ownFigureIn(expression: string): string | undefined {
	if (ownFigure.test(expression.replace(/\bchart\.spec\.rows\b/g, '')))
		return `formats a number: {${expression}}`;
	const rest = expression.replace(datasetReads, '');
	if (/\bdataset\./.test(rest)) return `reads the dataset directly: {${expression}}`;
	return undefined;
}

describe('the board pack prints only figures that passed the publication seam', () => {
	const components = readdirSync(folder).filter((file) => file.endsWith('.svelte'));

	it('has no figure of its own in its markup', () => {
		const found = components.flatMap((file) =>
			expressions(markupOf(readFileSync(`${folder}/${file}`, 'utf8')))
				.map(ownFigureIn)
				.filter((reason): reason is string => reason !== undefined)
				.map((reason) => `${file}: ${reason}`)
		);
		expect(found).toEqual([]);
	});

	it('would catch the row count the cover once printed, and a count formatted in the view', () => {
		expect(ownFigureIn('formatCount(file.rows)')).toBeDefined();
		expect(ownFigureIn('findings.length')).toBeDefined();
		expect(ownFigureIn('dataset.source?.files[0].rows')).toBeDefined();
		expect(ownFigureIn('file.sha256')).toBeUndefined();
		expect(ownFigureIn('chart.spec.rows')).toBeUndefined();
	});

	it('draws every chart from a step its source declares, so the reader reads it', () => {
		for (const charts of Object.values(packCharts))
			for (const chart of charts)
				expect(
					packSources[chart.source].shown as readonly string[],
					`${chart.source}.${chart.chart}`
				).toContain(chart.chart);
	});

	it('binds the sources with publication mode always on', () => {
		const views = readFileSync(`${folder}/pack-views.svelte.ts`, 'utf8');
		expect(views).toMatch(/publication: \(\) => true/);
		expect(views).not.toMatch(/publication: \(\) => (?!true)/);
	});
});
