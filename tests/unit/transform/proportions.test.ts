import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '$lib/stats';
import { withProportions } from '$lib/transform/proportions';

describe('withProportions', () => {
	it('adds the share with its Wilson interval', () => {
		const [row] = withProportions([{ x: 30, n: 120 }], {
			numerator: 'x',
			denominator: 'n'
		});
		expect(row).toMatchObject({ x: 30, n: 120, share: 0.25, lower: wilsonInterval(30, 120)!.lower });
		const [empty] = withProportions([{ x: 0, n: 0 }], {
			numerator: 'x',
			denominator: 'n'
		});
		expect(empty!.share).toBeNull();
	});
});
