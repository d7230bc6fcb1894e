import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { methods, methodsMarkdown } from '$lib/stats';

describe('methods descriptions', () => {
	it('describe every method fully: what, when, sources, limits and what it is checked against', () => {
		expect(methods.length).toBeGreaterThanOrEqual(7);
		for (const m of methods) {
			expect(m.id).toMatch(/^[a-z][a-z-]*$/);
			for (const text of [m.name, m.whatItIs, m.whenUsed, m.checkedAgainst])
				expect(text.length).toBeGreaterThan(10);
			expect(m.sources.length).toBeGreaterThan(0);
			expect(m.limits.length).toBeGreaterThan(0);
			for (const s of m.sources) if (s.url !== undefined) expect(s.url).toMatch(/^https:\/\//);
		}
		expect(new Set(methods.map((m) => m.id)).size).toBe(methods.length);
	});

	it('cite the sources the issue names', () => {
		const cited = methods.flatMap((m) => m.sources.map((s) => s.title)).join(' | ');
		for (const source of [
			'Technical Guide',
			'PHEindicatormethods',
			'Making Data Count',
			'NHSRplotthedots',
			'Spiegelhalter',
			'Department for Education'
		]) {
			expect(cited).toContain(source);
		}
	});

	it('are what the README Methods section says (regenerate it from methodsMarkdown() if this fails)', () => {
		const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
		const start = '<!-- methods:start -->\n';
		const section = readme.slice(
			readme.indexOf(start) + start.length,
			readme.indexOf('<!-- methods:end -->')
		);
		expect(section).toBe(methodsMarkdown());
	});
});

describe('the trend test the Methods page describes', () => {
	// The pages run the chi-square test for trend over every period shown (summaries/proportion-trend.ts),
	// at 95% or, for the twelve indicators, 99.8%: the Methods page must not describe a last-five-periods test.
	it('is the one the pages run', () => {
		const trend = methods.find((method) => method.id === 'recent-trend')!;
		const text = `${trend.whatItIs} ${trend.whenUsed} ${trend.limits.join(' ')}`;
		expect(text).not.toMatch(/last five/i);
		expect(text).toMatch(/every period shown/);
		expect(text).toMatch(/95%/);
		expect(text).toMatch(/99\.8%/);
		expect(text).toMatch(/at least three periods/);
	});
});
