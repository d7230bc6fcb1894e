/**
 * Stand-ins for SvelteKit's `$app/state` page and `$app/navigation` goto, for state classes tested in Node:
 * a reactive URL the test sets, and a goto that records where it was sent and then "navigates" there.
 */
class FakePage {
	url = $state(new URL('http://localhost/'));
}

export const page = new FakePage();

export const visited: string[] = [];

export async function goto(href: string): Promise<void> {
	visited.push(href);
	// Replaced, never mutated, as SvelteKit replaces page.url on navigation.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	page.url = new URL(href, page.url);
}
