/**
 * A Svelte action: the running footer of every printed page (Chromium prints `@page` margin boxes). The
 * text changes with the pack's choice, so it is a style element kept up to date rather than a stylesheet.
 */
export function runningFooter(node: HTMLElement, text: string) {
	const style = document.createElement('style');
	const update = (next: string) =>
		(style.textContent = `@page { @bottom-left { content: ${JSON.stringify(next)}; font: 9pt Arial, 'Liberation Sans', sans-serif; color: #505a5f; } }`);
	update(text);
	node.ownerDocument.head.append(style);
	return { update, destroy: () => style.remove() };
}
