import { generateExtract, type Extract } from '../../../data/generator/generate-extract';
import { demoOptions } from '../../../data/generator/generator-options';

let demo: Extract | undefined;

/** The demo extract (default options), generated once per test file. */
export function demoExtract(): Extract {
	demo ??= generateExtract(demoOptions);
	return demo;
}
