import plotStyles from '$lib/charts/plot.css?raw';
import { metadataLines, type ExportMetadata } from './export-metadata';

const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (character) => `&#${character.charCodeAt(0)};`);

/**
 * A standalone SVG of a chart with its title above and filters, source, data-as-at and publication mode
 * below, so a downloaded image carries its context. Works on any serialised Plot SVG. The charts' shared
 * styles (`plot.css`, which the page loads once) go in with it, as the image stands alone.
 */
export function svgWithContext(
	chartSvg: string,
	width: number,
	height: number,
	meta: ExportMetadata
): { svg: string; width: number; height: number } {
	const [title, ...footer] = metadataLines(meta);
	const lineHeight = 18;
	const top = 36;
	const totalHeight = top + height + footer.length * lineHeight + 16;
	const footerText = footer
		.map(
			(line, index) =>
				`<text x="8" y="${top + height + 20 + index * lineHeight}" font-size="12" fill="#505a5f">${escapeXml(line)}</text>`
		)
		.join('');
	const inner = chartSvg.replace(/^<svg\b/, `<svg x="0" y="${top}"`);
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${totalHeight}" viewBox="0 0 ${width} ${totalHeight}" font-family="Arial, sans-serif"><style>${plotStyles}</style><rect width="100%" height="100%" fill="#fff"/><text x="8" y="24" font-size="18" font-weight="bold" fill="#0b0c0c">${escapeXml(title ?? '')}</text>${inner}${footerText}</svg>`;
	return { svg, width, height: totalHeight };
}
