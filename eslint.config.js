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
		folder: 'domain',
		forbid: [
			'$lib/*',
			'!$lib/contract',
			'!$lib/contract/*',
			'../*',
			'!../contract',
			'!../contract/*',
			'svelte',
			'svelte/*',
			'@duckdb/*',
			'@observablehq/*',
			'arquero'
		],
		why: 'what every layer shares (filters, periods, financial years) sits below them all: contract and zod only'
	},
	{
		folder: 'ingest',
		forbid: ['svelte', 'svelte/*', '$lib/engine/*', '../engine/*', '@observablehq/*', 'arquero'],
		why: 'ingest runs unchanged in Node (CLI, tests) and in a worker'
	},
	{
		folder: 'sql',
		forbid: [
			'svelte',
			'svelte/*',
			'$lib/engine/*',
			'**/engine/*',
			'@duckdb/*',
			'$lib/state/*',
			'**/state/*',
			'$lib/transform/*',
			'**/transform/*',
			'arquero'
		],
		why: 'a metric is a value: SQL text, testable without an engine; filters and periods come from domain/, which state/ and transform/ build on'
	},
	{
		folder: 'stats',
		forbid: ['$lib/*', '../*', 'svelte', 'svelte/*', '@duckdb/*', '@observablehq/*', 'arquero', 'zod'],
		why: 'pure numeric functions, checked against published reference values'
	},
	{
		// A subfolder of stats may use its parent's functions (`../normal-quantile`), nothing outside stats.
		folder: 'stats/projection',
		forbid: ['$lib/*', '../../*', 'svelte', 'svelte/*', '@duckdb/*', '@observablehq/*', 'arquero', 'zod'],
		why: 'pure numeric functions (the demand projection), checked against reference values from R'
	},
	{
		folder: 'charts',
		forbid: [
			'svelte',
			'svelte/*',
			'$lib/engine/*',
			'../engine/*',
			'$lib/sql/*',
			'../sql/*',
			'@duckdb/*',
			'arquero'
		],
		why: 'charts are pure functions of data'
	},
	{
		folder: 'engine',
		forbid: ['svelte', 'svelte/*', '@observablehq/*', 'arquero'],
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
			'@duckdb/*',
			'arquero'
		],
		why: 'formatting is pure; it may name what domain/ defines (financial years, periods)'
	},
	{
		folder: 'transform',
		forbid: [
			'svelte',
			'svelte/*',
			'$lib/engine/*',
			'**/engine/*',
			'@duckdb/*',
			'$lib/state/*',
			'**/state/*',
			'arquero'
		],
		why: 'reshaping is pure'
	},
	{
		folder: 'summaries',
		forbid: [
			'svelte',
			'svelte/*',
			'$lib/engine/*',
			'**/engine/*',
			'@duckdb/*',
			'$lib/state/*',
			'**/state/*',
			'arquero'
		],
		why: 'a summary is a sentence written from numbers; state/ builds on summaries, not the reverse'
	},
	{
		folder: 'export',
		forbid: [
			'svelte',
			'svelte/*',
			'$lib/ingest',
			'$lib/ingest/*',
			'**/ingest',
			'**/ingest/*',
			'@duckdb/*',
			'arquero'
		],
		why: 'exports share the CSV cell with ingest through format/, not by reaching into ingest'
	},
	{
		folder: 'publication',
		forbid: ['$lib/*', '../*', 'svelte', 'svelte/*', '@duckdb/*', '@observablehq/*', 'arquero', 'zod'],
		why: 'the publication seam is pure: rows in, published rows out, the same in the browser and in Node'
	},
	{
		folder: 'reshape',
		forbid: ['svelte', 'svelte/*', '$lib/engine/*', '**/engine/*', '@duckdb/*', '$lib/state/*', '**/state/*'],
		why: 'the one place Arquero runs (in the reshape worker, whose policy allows the code it generates): pure reshapes'
	},
	{
		folder: 'page',
		forbid: [
			'svelte',
			'svelte/*',
			'$lib/engine/*',
			'**/engine/*',
			'@duckdb/*',
			'$lib/state/*',
			'**/state/*',
			'$lib/components/*',
			'**/components/*',
			'arquero'
		],
		why: 'a page definition is pure: state/ binds it in the browser, tests run it in Node'
	}
];

/**
 * transform/ reshapes the rows a metric returns, so it may name their types, but never call sql/: a value
 * import would let a reshaper build queries, and the type-only arrow is erased at build time.
 */
const transformReadsSqlTypesOnly = {
	files: ['src/lib/transform/**/*.ts'],
	rules: {
		'@typescript-eslint/no-restricted-imports': [
			'error',
			{
				patterns: [
					{
						group: ['$lib/sql/*', '**/sql/*'],
						allowTypeImports: true,
						message: 'src/lib/transform: only row types from sql/ (import type).'
					}
				]
			}
		]
	}
};

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
	transformReadsSqlTypesOnly,
	{
		// Pages compose components and metrics; only the engine speaks to DuckDB.
		files: ['src/routes/**/*.{ts,svelte}', 'src/lib/components/**/*.{ts,svelte}'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{ group: ['@duckdb/*'], message: 'Views reach DuckDB through $lib/engine only.' },
						{ group: ['arquero'], message: 'Arquero runs in the reshape worker only ($lib/reshape).' }
					]
				}
			]
		}
	}
);
