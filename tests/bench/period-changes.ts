import type { Page } from 'playwright-core';
import { addDays } from '../../src/lib/domain/calendar';
import type { FilterChange } from './cohort-changes';

/** A day as the filter bar's date boxes read it (dd/mm/yyyy). */
const entry = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

/**
 * Periods that start and end mid-month (BENCH_FILTERS=period), set as a reader types them in the filter bar's
 * From and To boxes: change k moves the start (k even) a little later or the end (k odd) a little earlier, so
 * every change reaches a period not reached before and no answer comes from the cache; page p starts p weeks
 * on, so its periods are not the pages' before it. A date box commits on Enter: the change is timed from
 * typing the day, so Playwright's typing is in the time (a few milliseconds).
 */
export function periodChanges(page: number): (change: number) => FilterChange {
	return (change) => async (browserPage: Page) => {
		const step = Math.floor(change / 2);
		const start = change % 2 === 0;
		const day = start
			? addDays('2023-01-14', 7 * page + 37 * step)
			: addDays('2025-06-20', -7 * page - 29 * step);
		const box = browserPage.getByLabel(start ? 'From' : 'To', { exact: true });
		return async () => {
			await box.fill(entry(day));
			await box.press('Enter');
		};
	};
}
