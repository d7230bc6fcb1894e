import { sequential, text as darkText } from './palette';

type Rgb = [number, number, number];

function rgb(hex: string): Rgb {
	const value = Number.parseInt(hex.slice(1), 16);
	return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

function hex([r, g, b]: Rgb): string {
	return `#${[r, g, b].map((channel) => Math.round(channel).toString(16).padStart(2, '0')).join('')}`;
}

function mix(a: Rgb, b: Rgb, t: number): Rgb {
	return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

/** WCAG relative luminance. */
function luminance([r, g, b]: Rgb): number {
	const linear = (channel: number) => {
		const c = channel / 255;
		return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	};
	return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

function contrast(a: Rgb, b: Rgb): number {
	const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
	return (light + 0.05) / (dark + 0.05);
}

/** WCAG contrast ratio of two colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
	return contrast(rgb(a), rgb(b));
}

/** The colour seen where `colour` is painted at `opacity` over `under` (the white page by default). */
export function composite(colour: string, opacity: number, under = '#ffffff'): string {
	return hex(mix(rgb(under), rgb(colour), opacity));
}

/**
 * The Analysis Function sequential blues, light to dark, preceded by a pale tint of the lightest so that
 * a zero reads as "little" rather than "some".
 */
const stops: Rgb[] = [
	mix(rgb(sequential[2]), [255, 255, 255], 0.8),
	rgb(sequential[2]),
	rgb(sequential[1]),
	rgb(sequential[0])
];

const white: Rgb = [255, 255, 255];

/**
 * Fill for a value in [0, 1] on the sequential blues (0 palest, 1 darkest). Between the mid blues lies a
 * narrow band of fills on which neither near-black nor white text reaches 4.5:1; a fill landing there is
 * darkened just enough for white text to pass, so every printed number stays readable (WCAG 1.4.3).
 */
export function heatFill(t: number): string {
	const clamped = Math.min(1, Math.max(0, t));
	const position = clamped * (stops.length - 1);
	const index = Math.min(stops.length - 2, Math.floor(position));
	let colour = mix(stops[index]!, stops[index + 1]!, position - index);
	const readable = (fill: Rgb) => Math.max(contrast(fill, rgb(darkText)), contrast(fill, white)) >= 4.5;
	for (let step = 0; step < 20 && !readable(colour); step++)
		colour = mix(colour, stops[stops.length - 1]!, 0.05);
	return hex(colour);
}

/** Text colour (near-black or white) with the higher contrast on a fill. */
export function textOn(fill: string): string {
	const background = rgb(fill);
	return contrast(background, rgb(darkText)) >= contrast(background, white) ? darkText : '#ffffff';
}
