// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { seasonalityChart, type SeasonBar } from '$lib/charts/seasonality';

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const bars: SeasonBar[] = months.map((label, index) => ({
	month: index + 1,
	label,
	average: 40 + index,
	summer: index >= 5 && index <= 7
}));
/** Every text the chart prints: tick labels, the summer note and the value axis. */
const texts = (width: number) =>
	[
		...seasonalityChart(bars, [], {
			width,
			label: 'Seasonality',
			valueLabel: 'Episodes',
			unit: 'episodes',
			document
		}).querySelectorAll('text')
	].map((text) => text.textContent);

describe('seasonality chart', () => {
	it('names the months on a wide chart and gives their initials on a phone, never "JanFebMar"', () => {
		expect(texts(800)).toEqual(expect.arrayContaining(months));
		const phone = texts(324);
		expect(phone.filter((text) => months.includes(text!))).toEqual([]);
		expect(phone.filter((text) => text!.length === 1 && /[A-Z]/.test(text!))).toEqual(
			months.map((month) => month[0])
		);
	});
});
