const integer = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

// Formatters are built once: Number#toLocaleString builds a new one on every call, which showed in redraw profiles.

/** 12,345 */
export function formatCount(value: number): string {
	return integer.format(value);
}

/** A share as a percentage with one decimal place: 0.1234 → "12.3%". */
export function formatPercent(share: number): string {
	return `${oneDecimal.format(share * 100)}%`;
}

/** A number with one decimal place: 13.25 → "13.3". */
export function formatDecimal(value: number): string {
	return oneDecimal.format(value);
}

/** A number with two decimal places: 0.4167 → "0.42". */
export function formatDecimal2(value: number): string {
	return twoDecimals.format(value);
}

/** File sizes for the data banner: 1,234,567 bytes → "1.2 MB". */
export function formatBytes(bytes: number): string {
	if (bytes < 1000) return `${formatCount(bytes)} bytes`;
	if (bytes < 1_000_000) return `${oneDecimal.format(bytes / 1000)} kB`;
	return `${oneDecimal.format(bytes / 1_000_000)} MB`;
}
