/**
 * A cell made safe for a spreadsheet: a value starting with = + - @ tab or carriage return would be run as
 * a formula by Excel (CSV injection, OWASP), so it gets a leading apostrophe; then the usual CSV quoting.
 * Text such as `<script>` is inert in a CSV and stays as written.
 */
export function csvCell(value: string | number): string {
	let text = String(value);
	if (/^[\s]*[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
