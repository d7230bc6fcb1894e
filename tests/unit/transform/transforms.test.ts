import { describe, expect, it } from 'vitest';
import { applyReshape, transforms, type Reshape } from '$lib/transform/transforms';
import { withoutCodeGeneration } from '../../helpers/no-code-generation';

/** One request per registered transform: LiveQuery runs them in the page, where code generation is refused. */
const requests: { [Name in keyof typeof transforms]: Extract<Reshape, { name: Name }> } = {
	fillPeriods: {
		name: 'fillPeriods',
		options: {
			grain: 'month',
			first: '2024-01-01',
			last: '2024-02-01',
			keys: { area: ['all'] },
			values: ['n']
		}
	},
	fillMonths: {
		name: 'fillMonths',
		options: {
			first: '2024-01-01',
			last: '2024-02-01',
			groupBy: 'district',
			groups: ['fenland', 'cambridge'],
			value: 'n'
		}
	}
};

describe('applyReshape', () => {
	it.each(Object.values(requests))('runs $name without code generation', (reshape) => {
		expect(withoutCodeGeneration(() => applyReshape([], reshape)).length).toBe(
			reshape.name === 'fillMonths' ? 4 : 2
		);
	});

	it('keeps fillMonths, the older month × one-group shape, with groups in code-unit order', () => {
		const rows = [{ month: '2024-02-01', district: 'fenland', n: 3, extra: 'dropped' }];
		expect(applyReshape(rows, requests.fillMonths)).toEqual([
			{ month: '2024-01-01', district: 'cambridge', n: 0 },
			{ month: '2024-01-01', district: 'fenland', n: 0 },
			{ month: '2024-02-01', district: 'cambridge', n: 0 },
			{ month: '2024-02-01', district: 'fenland', n: 3 }
		]);
	});
});
