import type { Locator, Page } from 'playwright-core';
import { interventionChoices, stageChoices } from '../../src/lib/domain/filters';

/**
 * A filter change made through the filter bar: `prepare` does what comes before the deciding gesture (opening
 * a menu) and returns that gesture, so the bench times from it alone, as it times a district click.
 */
export type FilterChange = (page: Page) => Promise<() => Promise<unknown>>;

/** A menu of the filter bar by its summary's text, opened and the others closed (their panels overlap). */
async function openMenu(page: Page, summary: RegExp): Promise<Locator> {
	await page.evaluate(() => {
		for (const menu of document.querySelectorAll('details.menu[open]'))
			(menu as HTMLDetailsElement).open = false;
	});
	const menu = page.locator('details.menu').filter({ has: page.locator('summary', { hasText: summary }) });
	await menu.locator('summary').click();
	return menu;
}

/** One cohort filter the bench turns on and off, as a reader sets it in the filter bar. */
interface CohortToggle {
	name: string;
	/** Whether it is an indicator condition (left out with BENCH_FILTERS=cohort-no-indicators). */
	indicator?: boolean;
	change(on: boolean): FilterChange;
}

/** An indicator's condition in the Indicators menu: `present`, or back to "Not filtered". */
const indicatorPresent = (column: string, name: string): CohortToggle => ({
	name,
	indicator: true,
	change: (on) => async (page) => {
		const menu = await openMenu(page, /^Indicators/);
		return () => menu.locator(`#indicator-${column}`).selectOption(on ? 'present' : 'any');
	}
});

/** A single-year age select ("Age from", "Age to"): the age, or back to "Any age". */
const ageBound = (label: 'Age from' | 'Age to', age: number): CohortToggle => ({
	name: `${label.toLowerCase()} ${age}`,
	change: (on) => async (page) => {
		// The label wraps the select, so its text holds the options' too: found by its own span.
		const select = page
			.locator('label', { has: page.locator('span', { hasText: new RegExp(`^${label}$`) }) })
			.locator('select');
		return () => select.selectOption(on ? String(age) : 'any');
	}
});

/** One box of a checkbox menu (Intervention, Furthest stage), ticked or unticked. */
const checkbox = (summary: RegExp, index: number, name: string): CohortToggle => ({
	name,
	change: () => async (page) => {
		const menu = await openMenu(page, summary);
		return () => menu.getByRole('checkbox').nth(index).click();
	}
});

/**
 * The cohort filters the bench cycles through (issue 14: indicator combinations, single-year age,
 * intervention and stage), each one bit of the state: with both indicators on, the filter is their
 * combination (all of them); with both ages, a range.
 */
export const cohortToggles: readonly CohortToggle[] = [
	indicatorPresent('ind_drugs', 'drug use present'),
	ageBound('Age from', 13),
	checkbox(/^Intervention/, interventionChoices.codes.indexOf('deter'), 'intervention deter'),
	indicatorPresent('ind_missing', 'missing present'),
	checkbox(/^Furthest stage/, stageChoices.codes.indexOf('central_list'), 'stage central list'),
	ageBound('Age to', 16)
];

/**
 * The cohort filter changes of one page, from no filter: change k flips the toggle of the lowest set bit of
 * k + 1 (a Gray code, as the district clicks), so the first 2⁶ − 1 changes each reach a state not reached
 * before and no answer comes from the cache; page p starts the code at toggle p, so its states come in
 * another order than the pages before it. `toggles` may leave some out (the indicators: their changes read the
 * facts on every page, which would hide what the other filters cost).
 */
export function cohortChanges(
	page: number,
	toggles: readonly CohortToggle[] = cohortToggles
): (change: number) => FilterChange {
	const on = toggles.map(() => false);
	return (change) => {
		const step = change + 1;
		if (step >= 2 ** toggles.length) throw new Error('Every cohort state has been reached: fewer changes');
		const bit = (Math.log2(step & -step) + page) % toggles.length;
		on[bit] = !on[bit];
		return toggles[bit]!.change(on[bit]!);
	};
}
