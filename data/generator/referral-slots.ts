import { districts, type District } from '../../src/lib/contract';
import { addMonths } from './day-number';
import type { Prng } from './prng';
import { categorical, cumulative, poisson } from './samplers';

/**
 * One month of referrals to generate, in date order: slot i is on `days[i]` (day number) in `districts[i]`
 * (position in the contract's codes). Slots inside [start, extract] are written to the extract; the others
 * are simulated only, to warm up and wind down.
 */
export interface MonthSlots {
	readonly days: Int32Array;
	readonly districts: Uint8Array;
	readonly output: Uint8Array;
}

export interface SlotSettings {
	/** Referrals to write: exactly this many fall inside [start, extract]. */
	readonly rows: number;
	readonly start: number;
	readonly extract: number;
	/** First day simulated (before `start`), so children referred earlier can be re-referred and go missing. */
	readonly simulateFrom: number;
	/** First day not simulated (after `extract`), so children referred later have their earlier episodes. */
	readonly simulateTo: number;
	readonly intensity: (district: District, day: number) => number;
}

interface Cell {
	readonly district: number;
	readonly from: number;
	readonly to: number;
	readonly output: boolean;
	readonly dayTotals: Float64Array;
	count: number;
}

/** Splits each district-month into the parts before, inside and after the extract window. */
function buildCells(settings: SlotSettings): Cell[][] {
	const { start, extract, simulateFrom, simulateTo, intensity } = settings;
	const months: Cell[][] = [];
	for (let month = simulateFrom; month < simulateTo; month = addMonths(month, 1)) {
		const end = Math.min(addMonths(month, 1), simulateTo) - 1;
		const cuts = [month, start, extract + 1, end + 1].filter((d) => d >= month && d <= end + 1);
		const bounds = [...new Set(cuts)].sort((a, b) => a - b);
		const cells: Cell[] = [];
		for (let s = 0; s + 1 < bounds.length; s++) {
			const from = bounds[s] ?? month;
			const to = (bounds[s + 1] ?? month) - 1;
			districts.codes.forEach((code, district) => {
				const weights = Array.from({ length: to - from + 1 }, (_, i) => intensity(code, from + i));
				cells.push({
					district,
					from,
					to,
					output: from >= start && to <= extract,
					dayTotals: cumulative(weights),
					count: 0
				});
			});
		}
		months.push(cells);
	}
	return months;
}

const weightOf = (cell: Cell): number => cell.dayTotals[cell.dayTotals.length - 1] ?? 0;

/**
 * Referral dates and districts, month by month in date order. Inside the extract window the `rows` referrals
 * are shared out by an exact multinomial draw over district-days weighted by the intensity; outside it,
 * Poisson counts at the same scale. Within a day, referrals are in random order (districts interleaved).
 */
export function* referralSlots(rng: Prng, settings: SlotSettings): Generator<MonthSlots> {
	const months = buildCells(settings);
	const outputCells = months.flat().filter((cell) => cell.output);
	const totals = cumulative(outputCells.map(weightOf));
	for (let i = 0; i < settings.rows; i++) {
		const cell = outputCells[categorical(rng, totals)];
		if (cell) cell.count++;
	}
	const scale = settings.rows / Math.max(Number.MIN_VALUE, totals[totals.length - 1] ?? 0);
	for (const cell of months.flat()) {
		if (!cell.output) cell.count = poisson(rng, scale * weightOf(cell));
	}
	for (const cells of months) {
		const first = Math.min(...cells.map((cell) => cell.from));
		const last = Math.max(...cells.map((cell) => cell.to));
		// Bucket the month's slots by day (districts as payload), then shuffle each day's bucket.
		const byDay: number[][] = Array.from({ length: last - first + 1 }, () => []);
		for (const cell of cells) {
			for (let i = 0; i < cell.count; i++) {
				byDay[cell.from + categorical(rng, cell.dayTotals) - first]?.push(cell.district);
			}
		}
		const size = byDay.reduce((sum, bucket) => sum + bucket.length, 0);
		const slots: MonthSlots = {
			days: new Int32Array(size),
			districts: new Uint8Array(size),
			output: new Uint8Array(size)
		};
		let next = 0;
		byDay.forEach((bucket, offset) => {
			const day = first + offset;
			const output = day >= settings.start && day <= settings.extract ? 1 : 0;
			for (let i = bucket.length - 1; i > 0; i--) {
				const j = Math.floor(rng() * (i + 1));
				const swap = bucket[i] ?? 0;
				bucket[i] = bucket[j] ?? 0;
				bucket[j] = swap;
			}
			for (const district of bucket) {
				slots.days[next] = day;
				slots.districts[next] = district;
				slots.output[next++] = output;
			}
		});
		yield slots;
	}
}
