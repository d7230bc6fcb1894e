import { describe, expect, it } from 'vitest';
import { heatFill, textOn } from '$lib/charts/heat-colour';
import { sequential } from '$lib/charts/palette';

/** WCAG contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
	const luminance = (hex: string) => {
		const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
		const linear = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
		return 0.2126 * linear(r!) + 0.7152 * linear(g!) + 0.0722 * linear(b!);
	};
	const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
	return (light + 0.05) / (dark + 0.05);
}

describe('heat colours', () => {
	it('runs from a pale tint through the Analysis Function blues to the darkest', () => {
		expect(heatFill(1).toLowerCase()).toBe(sequential[0].toLowerCase());
		expect(heatFill(2 / 3).toLowerCase()).toBe(sequential[1].toLowerCase());
		expect(heatFill(1 / 3).toLowerCase()).toBe(sequential[2].toLowerCase());
		expect(contrast(heatFill(0), '#ffffff')).toBeLessThan(1.3);
		expect(heatFill(-1)).toBe(heatFill(0));
	});

	it('prints numbers in a colour with at least 4.5:1 contrast on every fill', () => {
		for (let t = 0; t <= 1; t += 0.01) {
			const fill = heatFill(t);
			expect(contrast(fill, textOn(fill))).toBeGreaterThanOrEqual(4.5);
		}
	});
});
