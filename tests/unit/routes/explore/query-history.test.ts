import { describe, expect, it } from 'vitest';
import { addToHistory, historyLength, readHistory } from '../../../../src/routes/explore/query-history';

describe('addToHistory', () => {
	it('puts the newest first, moves a repeated query up instead of repeating it, and keeps at most 20', () => {
		expect(addToHistory(['SELECT 2', 'SELECT 1'], ' SELECT 1 ')).toEqual(['SELECT 1', 'SELECT 2']);
		expect(addToHistory(['SELECT 1'], '   ')).toEqual(['SELECT 1']);
		const full = Array.from({ length: historyLength }, (_, index) => `SELECT ${index}`);
		const next = addToHistory(full, 'SELECT 99');
		expect(next).toHaveLength(historyLength);
		expect(next[0]).toBe('SELECT 99');
		expect(next).not.toContain(`SELECT ${historyLength - 1}`);
	});
});

describe('readHistory', () => {
	it('reads what it stored and nothing else', () => {
		expect(readHistory(JSON.stringify(['SELECT 1']))).toEqual(['SELECT 1']);
		expect(readHistory(null)).toEqual([]);
		expect(readHistory('not json')).toEqual([]);
		expect(readHistory(JSON.stringify([1, 2]))).toEqual([]);
		expect(readHistory(JSON.stringify({ query: 'SELECT 1' }))).toEqual([]);
	});
});
