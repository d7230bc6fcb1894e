import { readReferenceJson } from './reference';

/** One example from nhsrplotthedots/xmr-examples.json (NHSRplotthedots tests and vignettes, commit 050b07d7). */
export interface XmrExample {
	input: number[];
	options: { screen_outliers?: boolean };
	mean: number;
	mean_mr: number;
	lpl: number;
	upl: number;
	near_lpl: number;
	near_upl: number;
	special_cause_type: string[];
	source: string;
}

export const xmrExamples = Object.entries(
	readReferenceJson<Record<string, XmrExample>>('nhsrplotthedots/xmr-examples.json')
);

/** NHSRplotthedots screens outlying moving ranges unless told not to; `options: {}` means screened. */
export const screened = (example: XmrExample): boolean => example.options.screen_outliers !== false;
