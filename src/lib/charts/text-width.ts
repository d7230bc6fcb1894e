/** Rough width in pixels of a label in the charts' sans-serif font, for sizing margins before rendering. */
export function textWidth(text: string, fontSize = 13): number {
	return Math.ceil(text.length * fontSize * 0.56);
}

/** A left margin wide enough for the longest label, within limits. */
export function labelMargin(labels: readonly string[], { min = 40, max = 320, fontSize = 13 } = {}): number {
	const widest = Math.max(0, ...labels.map((label) => textWidth(label, fontSize)));
	return Math.min(max, Math.max(min, widest + 12));
}

/** A right margin wide enough for a value printed after a bar that reaches the end of the axis. */
export function valueMargin(texts: readonly string[], { min = 56, fontSize = 13 } = {}): number {
	return Math.max(min, ...texts.map((text) => textWidth(text, fontSize) + 12));
}
