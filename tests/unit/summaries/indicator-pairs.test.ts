import { describe, expect, it } from 'vitest';
import { indicatorColumns } from '$lib/contract';
import { pairsView } from '$lib/summaries/indicator-pairs';

function rows() {
	const out = [];
	for (const [i, a] of indicatorColumns.entries()) {
		for (const b of indicatorColumns.slice(i + 1)) {
			const both =
				a === 'ind_missing' && b === 'ind_drugs' ? 60 : a === 'ind_gifts' && b === 'ind_appearance' ? 2 : 20;
			out.push({ a, b, both, a_present: 80, b_present: 80, referrals: 200 });
		}
	}
	return out;
}

describe('pairsView', () => {
	it('builds the symmetric matrix with the Jaccard index and names the closest pair', () => {
		const view = pairsView(rows(), { publication: false });
		expect(view.cells).toHaveLength(132);
		const cell = view.cells.find(
			(candidate) => candidate.a === 'ind_drugs' && candidate.b === 'ind_missing'
		)!;
		// 60 with both, 80 + 80 − 60 = 100 with either.
		expect(cell).toMatchObject({ both: 60, either: 100, jaccard: 0.6, share: 0.3 });
		expect(view.title).toBe('‘Missing’ and ‘Drug use’ occur together most often (Jaccard index 0.60)');
		expect(view.summary).toBe(
			'60 referrals have both ‘Missing’ and ‘Drug use’, 0.60 of those with either (the Jaccard index); the pair least often together is ‘Unexplained gifts’ and ‘Appearance’ (0.01).'
		);
	});

	it('never counts fewer with either indicator than with one of them, as perturbed counts could give', () => {
		// Perturbed apart, a + b − both can fall below a or b, or below 0 (0 + 0 − 6 = −6).
		const published = rows().map((row) =>
			row.a === 'ind_missing' && row.b === 'ind_drugs' ? { ...row, a_present: 0, b_present: 0, both: 6 } : row
		);
		const cell = pairsView(published, { publication: true }).cells.find(
			(candidate) => candidate.a === 'ind_missing' && candidate.b === 'ind_drugs'
		)!;
		// Either is at least both (6): a base under 10, so the pair is withheld, never shown as −6.
		expect(cell).toMatchObject({ both: null, either: null, jaccard: null });
		const wide = rows().map((row) =>
			row.a === 'ind_missing' && row.b === 'ind_drugs'
				? { ...row, a_present: 40, b_present: 12, both: 30 }
				: row
		);
		const widened = pairsView(wide, { publication: true }).cells.find(
			(candidate) => candidate.a === 'ind_missing' && candidate.b === 'ind_drugs'
		)!;
		expect(widened).toMatchObject({ both: 30, either: 40, jaccard: 0.75 });
	});
});
