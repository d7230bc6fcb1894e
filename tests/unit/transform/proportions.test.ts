import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '$lib/stats';
import { withProportions } from '$lib/transform/proportions';

describe('withProportions', () => {
	it('adds the share with its Wilson interval', () => {
		const [row] = withProportions([{ x: 30, n: 120 }], {
			numerator: 'x',
			denominator: 'n',
			publication: false
		});
		expect(row).toMatchObject({ x: 30, n: 120, share: 0.25, lower: wilsonInterval(30, 120)!.lower });
		const [empty] = withProportions([{ x: 0, n: 0 }], {
			numerator: 'x',
			denominator: 'n',
			publication: false
		});
		expect(empty!.share).toBeNull();
	});

	it('suppresses a share whose numerator or denominator is suppressed', () => {
		const rows = withProportions(
			[
				{ x: 3, n: 40 },
				{ x: 10, n: 50 },
				{ x: 12, n: 60 },
				{ x: 0, n: 4 }
			],
			{ numerator: 'x', denominator: 'n', publication: true }
		);
		expect(rows[0]).toMatchObject({ x: null, share: null });
		expect(rows[1]).toMatchObject({ x: null, share: null });
		expect(rows[2]).toMatchObject({ x: 12, share: 0.2 });
		expect(rows[3]).toMatchObject({ n: null, share: null });
	});
});
