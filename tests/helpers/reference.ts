import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { expect } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** |actual − expected| / |expected|; the absolute difference when the expected value is 0. */
export function relativeError(actual: number, expected: number): number {
	if (actual === expected) return 0;
	return expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
}

const largest = new Map<string, { error: number; checks: number; tolerance: number }>();

/**
 * Asserts that a computed value matches a published reference value to a relative error ≤ `tolerance`
 * (1e-9 by default), and records the largest error seen under `label` for {@link reportReferenceErrors}.
 */
export function expectCloseToReference(
	actual: number | null | undefined,
	expected: number,
	tolerance = 1e-9,
	label = 'unlabelled'
): void {
	expect(actual, `${label}: expected a number close to ${expected}`).toBeTypeOf('number');
	const error = relativeError(actual as number, expected);
	const seen = largest.get(label) ?? { error: 0, checks: 0, tolerance };
	largest.set(label, { error: Math.max(seen.error, error), checks: seen.checks + 1, tolerance });
	expect(
		error,
		`${label}: ${actual} vs reference ${expected} (relative error ${error.toExponential(3)})`
	).toBeLessThanOrEqual(tolerance);
}

/**
 * Prints the largest relative error per label and writes them to tests/output/reference-errors/<name>.json
 * (git-ignored), so the figures quoted in reports come from the test run itself.
 */
export function reportReferenceErrors(name: string): void {
	if (largest.size === 0) return;
	const rows = [...largest].map(([label, { error, checks, tolerance }]) => ({
		label,
		error,
		checks,
		tolerance
	}));
	console.log(
		rows
			.map(
				(r) =>
					`[reference] ${r.label}: largest relative error ${r.error.toExponential(2)} over ${r.checks} checks (tolerance ${r.tolerance})`
			)
			.join('\n')
	);
	const dir = join(root, 'output', 'reference-errors');
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, `${name}.json`), JSON.stringify(rows, null, '\t') + '\n');
	// Unit test files share this module (no isolation); the next file's report starts from its own checks.
	largest.clear();
}

/** Reads a CSV from tests/fixtures/reference as objects keyed by header. */
export function readReferenceCsv(path: string): Record<string, string>[] {
	const text = readFileSync(join(root, 'fixtures', 'reference', path), 'utf8');
	return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

/** A reference CSV field as a number; blank or NA (R's missing value) as null. */
export function referenceNumber(field: string | undefined): number | null {
	if (field === undefined || field.trim() === '' || field.trim() === 'NA') return null;
	const value = Number(field);
	if (!Number.isFinite(value)) throw new Error(`not a number in reference data: ${field}`);
	return value;
}

/** Reads a JSON file from tests/fixtures/reference. */
export function readReferenceJson<T>(path: string): T {
	return JSON.parse(readFileSync(join(root, 'fixtures', 'reference', path), 'utf8')) as T;
}
