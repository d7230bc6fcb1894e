import type { PathwayStage } from '$lib/contract';

/** Short stage names for chart axes and column heads; the contract's labels are used in text. */
export const stageShortLabels: Readonly<Record<PathwayStage, string>> = {
	mash_referral: 'MASH referral',
	checklist_completed: 'Checklist',
	central_list: 'Central list',
	mase_discussed: 'MASE',
	risk_tool_completed: 'Risk tool'
};

/** What reaching each stage means, as it reads after a percentage: "35.0% were discussed at MASE". */
export const stageVerbs: Readonly<Record<PathwayStage, string>> = {
	mash_referral: 'were referred to the MASH',
	checklist_completed: 'had the Child Exploitation Checklist completed',
	central_list: 'were added to the central list',
	mase_discussed: 'were discussed at MASE',
	risk_tool_completed: 'had the risk management tool completed'
};
