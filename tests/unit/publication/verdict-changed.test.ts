import { describe, expect, it } from 'vitest';
import { Sql } from '$lib/sql/sql';
import { viewAnswer } from '$lib/page/define-page';
import { verdictCheck } from '$lib/publication/verdict-changed';

describe('verdictCheck', () => {
	it('says whether a verdict on the true rows differs from the one on the published rows', () => {
		const check = verdictCheck(() => [{ n: 3 }, { n: 9 }], [{ n: 0 }, { n: 9 }]);
		const rising = (rows: readonly { n: number }[]) => rows[1]!.n > rows[0]!.n;
		const anyBelowSix = (rows: readonly { n: number }[]) => rows.some((row) => row.n > 0 && row.n < 6);
		expect(check(rising)).toBe(false);
		expect(check(anyBelowSix)).toBe(true);
	});

	it('asks for the true rows only when a verdict is judged, and once', () => {
		let asked = 0;
		const check = verdictCheck(() => (asked++, [{ n: 1 }]), [{ n: 0 }]);
		expect(asked).toBe(0);
		check((rows) => rows.length);
		check((rows) => rows[0]!.n);
		expect(asked).toBe(1);
	});
});

describe('viewAnswer', () => {
	// A count of 3 whose cell key the ptable publishes as 0 or 6: never 3.
	const rows = [{ n: 3, 'n:key': 17 }];
	const query = new Sql('SELECT 1');

	it('in publication mode hands over published rows and a check against the true ones', () => {
		const answer = viewAnswer(query, rows, true);
		const published = (answer.rows[0] as { n: number }).n;
		expect([0, 6]).toContain(published);
		expect(answer.publicationChanged((rows) => (rows[0] as { n: number }).n === 3)).toBe(true);
		expect(answer.publicationChanged((rows) => rows.length)).toBe(false);
	});

	it('outside publication mode changes nothing', () => {
		const answer = viewAnswer(query, rows, false);
		expect(answer.rows).toEqual([{ n: 3 }]);
		expect(answer.publicationChanged((rows) => (rows[0] as { n: number }).n)).toBe(false);
	});
});
