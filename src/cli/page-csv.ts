import { cambridgeshireAndPeterborough } from '../lib/contract';
import type { Engine } from '../lib/engine/engine';
import { csvCell } from '../lib/format/csv-cell';
import { answersOf, evaluatePage, type PageContext } from '../lib/page/define-page';
import { dataExtent, type DataExtent } from '../lib/sql/metrics/data-extent';
import { overviewPage } from '../routes/overview-page';

/** The pages whose tables the native command prints. */
const pages = { overview: overviewPage } as const;

/**
 * A page's query answers as CSV, one section per query (`# name`, a heading row, the rows), exactly as the
 * page's views receive them: the page definition run once (`evaluatePage`), every answer through the
 * publication seam. No filters: the whole loaded period and every district.
 */
export async function pageCsv(
	engine: Engine,
	page: keyof typeof pages,
	publication: boolean
): Promise<string> {
	const definition = pages[page];
	const [extent] = await engine.query<DataExtent>(dataExtent());
	const context: PageContext = {
		filters: {},
		publication,
		grain: 'month',
		extent,
		areaReference: cambridgeshireAndPeterborough,
		// No gaps declared: the native command loads whole extracts, with no months known to be missing.
		gaps: { referrals: [], missing_episodes: [] },
		toggle: () => undefined
	};
	const scope = await evaluatePage(definition, context, (query) => engine.query(query));
	const names = definition.steps.filter((step) => step.kind === 'query').map((step) => step.name);
	const sections = answersOf(definition, scope).map((answer, index) => {
		const rows = (answer.rows ?? []) as Record<string, unknown>[];
		const columns = rows[0] ? Object.keys(rows[0]) : [];
		const cell = (value: unknown) =>
			value === null || value === undefined ? '' : csvCell(typeof value === 'number' ? value : String(value));
		const lines = [
			columns.map(cell).join(','),
			...rows.map((row) => columns.map((c) => cell(row[c])).join(','))
		];
		return `# ${names[index]}${answer.error ? ` (error: ${answer.error})` : ''}\n${lines.join('\n')}\n`;
	});
	return sections.join('\n');
}
