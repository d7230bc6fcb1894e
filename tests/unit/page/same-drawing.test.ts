import { describe, expect, it } from 'vitest';
import { drawing, selecting } from '$lib/page/drawing';
import { sameDrawing } from '$lib/page/same-drawing';

describe('sameDrawing', () => {
	it('calls keys built afresh from equal data the same drawing, and any changed value a new one', () => {
		const key = (value: number, label = 'x') => [
			[{ period: '2024-01-01', value, limits: [1, 2] }],
			{ label, percent: true }
		];
		expect(sameDrawing(key(3), key(3))).toBe(true);
		expect(sameDrawing(key(3), key(4))).toBe(false);
		expect(sameDrawing(key(3), key(3, 'y'))).toBe(false);
		expect(sameDrawing([NaN, null], [NaN, null])).toBe(true);
		expect(sameDrawing([null], [undefined])).toBe(false);
		expect(sameDrawing({ a: 1 }, { a: 1, b: undefined })).toBe(false);
		expect(sameDrawing([1, 2], [1, 2, 3])).toBe(false);
		expect(sameDrawing([1], { 0: 1 })).toBe(false);
	});

	it('compares functions and class instances by identity', () => {
		const f = () => 1;
		expect(sameDrawing([f], [f])).toBe(true);
		expect(sameDrawing([() => 1], [() => 1])).toBe(false);
		expect(sameDrawing([new Date(0)], [new Date(0)])).toBe(false);
	});
});

describe('drawing', () => {
	const chart = (rows: number[], options: { width: number; label: string }) => {
		const node = { rows, options } as unknown as Element;
		return node;
	};

	it('draws with the arguments and options at the width asked, keyed by the same arguments', () => {
		const a = drawing(chart, [[1, 2]], { label: 'x' });
		expect(a.render(300)).toEqual({ rows: [1, 2], options: { label: 'x', width: 300, paper: false } });
		expect(sameDrawing(a.drawKey, drawing(chart, [[1, 2]], { label: 'x' }).drawKey)).toBe(true);
		expect(sameDrawing(a.drawKey, drawing(chart, [[1, 3]], { label: 'x' }).drawKey)).toBe(false);
		expect(sameDrawing(a.drawKey, drawing(chart, [[1, 2]], { label: 'y' }).drawKey)).toBe(false);
	});

	it('draws for paper with the paper options over the screen ones, and keys them with the drawing', () => {
		const a = drawing(chart, [[1, 2]], { label: 'x' }, { label: 'on paper' });
		expect(a.render(640, true)).toEqual({
			rows: [1, 2],
			options: { label: 'on paper', width: 640, paper: true }
		});
		expect(a.render(640)).toEqual({ rows: [1, 2], options: { label: 'x', width: 640, paper: false } });
		expect(sameDrawing(a.drawKey, drawing(chart, [[1, 2]], { label: 'x' }).drawKey)).toBe(false);
	});

	it('gives the same click handler for the same toggle and filter, so it does not change the key', () => {
		const toggled: string[] = [];
		const toggle = (filter: string, key: string) => void toggled.push(`${filter}=${key}`);
		expect(selecting(toggle, 'districts')).toBe(selecting(toggle, 'districts'));
		expect(selecting(toggle, 'districts')).not.toBe(selecting(toggle, 'genders'));
		selecting(toggle, 'genders')('female');
		expect(toggled).toEqual(['genders=female']);
	});
});
