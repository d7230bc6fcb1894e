/**
 * The pack as one HTML file that opens from disk with scripts off: the rendered pack (charts are inline
 * SVG already), the app's styles copied in, and a policy that lets the file load nothing at all. What the
 * screen shows only as controls (text boxes, buttons) is left out; what print shows (the commentary as
 * text) is shown.
 */
export function selfContainedHtml(pack: HTMLElement, title: string): string {
	const copy = pack.cloneNode(true) as HTMLElement;
	for (const node of copy.querySelectorAll('.no-print, textarea, button, input, select, script'))
		node.remove();
	const css = [...document.styleSheets]
		.map((sheet) => {
			try {
				return [...sheet.cssRules].map((rule) => rule.cssText).join('\n');
			} catch {
				return ''; // a sheet from elsewhere cannot be read; the app has none
			}
		})
		.join('\n');
	const escapeText = (text: string) =>
		text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
	return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeText(title)}</title>
<style>
${css}
.print-only { display: block !important; }
body { margin: 1.5rem auto; max-width: 62rem; padding: 0 1rem; }
</style>
</head>
<body>
${copy.outerHTML}
</body>
</html>
`;
}
