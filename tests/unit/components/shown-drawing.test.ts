// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { alreadyShown, showDrawing } from '$lib/components/shown-drawing';

const chart = () => document.createElement('svg');

describe('shown drawings', () => {
	it('knows a node shows a drawing only for the same key and width, and only while it holds it', () => {
		const node = document.createElement('div');
		expect(alreadyShown(node, 'a', 300)).toBe(false);
		showDrawing(node, chart(), 'a', 300);
		expect(alreadyShown(node, 'a', 300)).toBe(true);
		expect(alreadyShown(node, 'b', 300)).toBe(false);
		expect(alreadyShown(node, 'a', 301)).toBe(false);
		// Another node (the table view shown and hidden again makes a new one) has drawn nothing.
		expect(alreadyShown(document.createElement('div'), 'a', 300)).toBe(false);
		node.replaceChildren();
		expect(alreadyShown(node, 'a', 300)).toBe(false);
	});

	it('never counts a drawing without a key as shown, even after a keyed one', () => {
		const node = document.createElement('div');
		showDrawing(node, chart(), 'a', 300);
		const unkeyed = chart();
		showDrawing(node, unkeyed, undefined, 300);
		expect(node.firstChild).toBe(unkeyed);
		expect(alreadyShown(node, undefined, 300)).toBe(false);
		expect(alreadyShown(node, 'a', 300)).toBe(false);
	});

	it('counts a key built afresh from the same data as the drawing shown, and one from other data as not', () => {
		const node = document.createElement('div');
		const key = (value: number) => [[{ period: '2024-01-01', value }], { label: 'Referrals' }];
		showDrawing(node, chart(), key(3), 300);
		expect(alreadyShown(node, key(3), 300)).toBe(true);
		expect(alreadyShown(node, key(4), 300)).toBe(false);
	});
});
