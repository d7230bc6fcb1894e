import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/**
 * Architecture boundaries (see README "Architecture"): dependencies point inward. Each entry forbids
 * what a folder must not import, so a newcomer's shortcut fails lint rather than review.
 */
const boundaries = [
	{
		folder: 'contract',
		forbid: ['$lib/*', '../*', 'svelte', 'svelte/*', '@duckdb/*', '@observablehq/*', 'arquero'],
		why: 'the contract depends on zod only'
	},
	{
		folder: 'ingest',
		forbid: ['svelte', 'svelte/*', '$lib/engine/*', '../engine/*', '@observablehq/*'],
		why: 'ingest runs unchanged in Node (CLI, tests) and in a worker'
	},
	{
		folder: 'sql',
		forbid: ['svelte', 'svelte/*', '$lib/engine/*', '../engine/*', '@duckdb/*'],
		why: 'a metric is a value: SQL text, testable without an engine'
	},
	{
		folder: 'stats',
		forbid: ['$lib/*', '../*', 'svelte', 'svelte/*', '@duckdb/*', '@observablehq/*', 'arquero', 'zod'],
		why: 'pure numeric functions, checked against published reference values'
	},
	{
		folder: 'charts',
		forbid: ['svelte', 'svelte/*', '$lib/engine/*', '../engine/*', '$lib/sql/*', '../sql/*', '@duckdb/*'],
		why: 'charts are pure functions of data'
	},
	{
		folder: 'engine',
		forbid: ['svelte', 'svelte/*', '@observablehq/*'],
		why: 'the engine knows DuckDB, nothing about views'
	},
	{
		folder: 'format',
		forbid: [
			'$lib/*',
			'!$lib/domain',
			'!$lib/domain/*',
			'../*',
			'!../domain/*',
			'svelte',
			'svelte/*',
			'@duckdb/*'
		],
		why: 'formatting is pure; it may name what domain/ defines (financial years, periods)'
	},
	{
		folder: 'transform',
		forbid: ['svelte', 'svelte/*', '$lib/engine/*', '../engine/*', '@duckdb/*'],
		why: 'reshaping is pure'
	}
];

export default ts.config(
	{ ignores: ['build/', '.svelte-kit/', 'node_modules/', 'tests/output/', 'data/bench/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			'no-restricted-syntax': [
				'error',
				{
					selector:
						'CallExpression[callee.property.name=/^(skip|todo)$/][callee.object.name=/^(it|test|describe)$/]',
					message: 'No skipped tests.'
				}
			]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	...boundaries.map(({ folder, forbid, why }) => ({
		files: [`src/lib/${folder}/**/*.ts`],
		rules: {
			'no-restricted-imports': [
				'error',
				{ patterns: [{ group: forbid, message: `src/lib/${folder}: ${why}.` }] }
			]
		}
	})),
	{
		// Pages compose components and metrics; only the engine speaks to DuckDB.
		files: ['src/routes/**/*.{ts,svelte}', 'src/lib/components/**/*.{ts,svelte}'],
		rules: {
			'no-restricted-imports': [
				'error',
				{ patterns: [{ group: ['@duckdb/*'], message: 'Views reach DuckDB through $lib/engine only.' }] }
			]
		}
	}
);
