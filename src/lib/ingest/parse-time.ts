import { minutesPerDay } from '../contract';
import { CellProblem, quoted } from './cell-problem';

// 14:30, 14.30, 14:30:00, 2:30 pm, 2pm, 1430 (four digits, as some case systems export).
const clock = /^(\d{1,2})(?:[:.](\d{2})(?:[:.](\d{2}))?)?\s*([ap])?\.?m?\.?$/i;
const fourDigits = /^(\d{2})(\d{2})$/;

/**
 * A time of day as minutes after midnight (0–1439), read as a UTC clock time: "14:30", "14.30", "14:30:00"
 * (seconds dropped), "2:30 pm", "2pm", "1430", an Excel time (a fraction of a day, e.g. 0.604166… = 14:30)
 * or a Date cell (its UTC hours and minutes). Anything else, or 24:00 and later, is refused, never guessed.
 */
export function parseTime(cell: string | number | boolean | Date): number | CellProblem {
	if (cell instanceof Date) return cell.getUTCHours() * 60 + cell.getUTCMinutes();
	if (typeof cell === 'number') {
		// Excel keeps a time as the fraction of a day; a date-time's whole days are not this field's business.
		if (cell >= 0 && Number.isFinite(cell)) {
			const fraction = cell - Math.floor(cell);
			return Math.round(fraction * minutesPerDay) % minutesPerDay;
		}
		return new CellProblem(`${quoted(String(cell))} is not a time of day`);
	}
	const text = String(cell).trim();
	const four = fourDigits.exec(text);
	const match = four ? [text, four[1], four[2], undefined, undefined] : clock.exec(text);
	if (!match || (match[2] === undefined && match[4] === undefined)) {
		return new CellProblem(`${quoted(text)} is not a time of day (expected hh:mm, e.g. 14:30)`);
	}
	let hours = Number(match[1]);
	const minutes = match[2] === undefined ? 0 : Number(match[2]);
	const half = match[4]?.toLowerCase();
	if (half !== undefined) {
		if (hours < 1 || hours > 12) return new CellProblem(`${quoted(text)} is not a time of day`);
		hours = (hours % 12) + (half === 'p' ? 12 : 0);
	}
	if (hours > 23 || minutes > 59) return new CellProblem(`${quoted(text)} is not a time of day`);
	return hours * 60 + minutes;
}
