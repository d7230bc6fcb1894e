import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, periodEnd, periodStart, type Grain } from '$lib/domain/calendar';
import { periodEdges } from '$lib/sql/period-edges';

/** Days of 2023 to 2025, and the first and last day a split may see. */
const first = '2023-01-01';
const last = '2025-12-31';
const days: string[] = [];
for (let day = first; day <= last; day = addDays(day, 1)) days.push(day);

describe('periodEdges', () => {
	it.each<Grain>(['month', 'quarter'])(
		'splits any period into whole %ss and part ones that together are its days, each once',
		(grain) => {
			const day = fc.integer({ min: 0, max: days.length - 1 }).map((index) => days[index]!);
			fc.assert(
				fc.property(fc.option(day, { nil: undefined }), fc.option(day, { nil: undefined }), (from, to) => {
					const { wholeFrom, wholeUntil, edges } = periodEdges(from, to, grain);
					const inWhole = (one: string) =>
						(wholeFrom === undefined || periodStart(one, grain) >= wholeFrom) &&
						(wholeUntil === undefined || periodStart(one, grain) < wholeUntil);
					const inEdges = (one: string) => edges.filter((edge) => edge.from <= one && one <= edge.to).length;
					for (const one of days) {
						const inPeriod = (from === undefined || one >= from) && (to === undefined || one <= to);
						expect(Number(inWhole(one)) + inEdges(one)).toBe(Number(inPeriod));
					}
					// Whole periods start and end on their grain's bounds; a part period lies within one period.
					if (wholeFrom !== undefined) expect(periodStart(wholeFrom, grain)).toBe(wholeFrom);
					if (wholeUntil !== undefined) expect(periodStart(wholeUntil, grain)).toBe(wholeUntil);
					for (const edge of edges)
						expect(periodEnd(periodStart(edge.from, grain), grain) >= edge.to).toBe(true);
				}),
				{ numRuns: 300, seed: 1422 }
			);
		}
	);

	it('has no part periods for whole months, and two for a period cut at both ends', () => {
		expect(periodEdges('2024-03-01', '2024-05-31', 'month').edges).toEqual([]);
		expect(periodEdges('2024-03-10', '2024-05-20', 'month')).toEqual({
			wholeFrom: '2024-04-01',
			wholeUntil: '2024-05-01',
			edges: [
				{ from: '2024-03-10', to: '2024-03-31' },
				{ from: '2024-05-01', to: '2024-05-20' }
			]
		});
		expect(periodEdges('2024-03-10', '2024-03-20', 'month').edges).toEqual([
			{ from: '2024-03-10', to: '2024-03-20' }
		]);
	});
});
