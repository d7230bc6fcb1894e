import { describe, expect, it } from 'vitest';
import { drawing, selectableDrawing } from '$lib/page/drawing';
import { sameDrawing } from '$lib/page/same-drawing';

type Options = {
	width: number;
	paper?: boolean;
	label: string;
	height?: number;
	selected?: readonly string[];
};
const drawn: Options[] = [];
const chart = (data: readonly number[], options: Options) => {
	drawn.push(options);
	return { data, options } as unknown as Element;
};

describe('selectableDrawing', () => {
	it('keeps the selection out of the draw key, so a click alone does not redraw the chart', () => {
		const a = selectableDrawing(chart, [[1, 2]], { label: 'x' }, ['E1']);
		const b = selectableDrawing(chart, [[1, 2]], { label: 'x' }, ['E1', 'E2']);
		expect(sameDrawing(a.drawKey, b.drawKey)).toBe(true);
		expect([a.selected, b.selected]).toEqual([['E1'], ['E1', 'E2']]);
		// The plain drawing keys the selection with the rest: every click redraws.
		const c = drawing(chart, [[1, 2]], { label: 'x', selected: ['E1'] });
		const d = drawing(chart, [[1, 2]], { label: 'x', selected: ['E2'] });
		expect(sameDrawing(c.drawKey, d.drawKey)).toBe(false);
	});

	it('still redraws when the data or options change', () => {
		const a = selectableDrawing(chart, [[1, 2]], { label: 'x' }, []);
		expect(sameDrawing(a.drawKey, selectableDrawing(chart, [[1, 3]], { label: 'x' }, []).drawKey)).toBe(
			false
		);
		expect(sameDrawing(a.drawKey, selectableDrawing(chart, [[1, 2]], { label: 'y' }, []).drawKey)).toBe(
			false
		);
	});

	it('draws with the selection, and with the paper options on paper', () => {
		drawn.length = 0;
		const a = selectableDrawing(chart, [[1]], { label: 'x', height: 160 }, undefined, { height: 110 });
		a.render(500);
		a.render(600, true);
		expect(drawn).toEqual([
			{ label: 'x', height: 160, selected: undefined, width: 500, paper: false },
			{ label: 'x', height: 110, selected: undefined, width: 600, paper: true }
		]);
		expect(a.selected).toEqual([]);
	});
});
