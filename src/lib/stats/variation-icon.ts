import type { SpecialCauseType } from './special-cause-rules';

/** Which way is better for a measure; 'neither' when no direction is an improvement. */
export type ImprovementDirection = 'increase' | 'decrease' | 'neither';

/** NHSRplotthedots' `point_type` values. */
export type PointType =
	| 'common_cause'
	| 'special_cause_improvement'
	| 'special_cause_concern'
	| 'special_cause_neutral_high'
	| 'special_cause_neutral_low';

/** The four Making Data Count variation icons. */
export type VariationIconType =
	'common cause' | 'special cause improving' | 'special cause concerning' | 'special cause neither';

export interface VariationIcon {
	type: VariationIconType;
	/** Whether the special cause is high (above the centre line or increasing) or low; null for common cause. */
	level: 'high' | 'low' | null;
}

function direction(type: SpecialCauseType): 1 | -1 | 0 {
	if (/Above|Increasing/.test(type)) return 1;
	if (/Below|Decreasing/.test(type)) return -1;
	return 0;
}

/**
 * A point's type given its special-cause label and the improvement direction: special causes above the
 * centre line or increasing are improvements when higher is better, concerns when lower is better, and
 * neutral (high/low) when neither. NHSRplotthedots `ptd_point_type`; tested against its mapping for every
 * label and direction.
 */
export function pointType(type: SpecialCauseType, improvement: ImprovementDirection): PointType {
	const v = direction(type);
	if (v === 0) return 'common_cause';
	if (improvement === 'neither') return v > 0 ? 'special_cause_neutral_high' : 'special_cause_neutral_low';
	const oriented = v * (improvement === 'increase' ? 1 : -1);
	return oriented > 0 ? 'special_cause_improvement' : 'special_cause_concern';
}

/**
 * The Making Data Count variation icon for a chart: the type of its latest point (NHSRplotthedots
 * `geom_ptd_icon` uses the point at the last date). Tested for each point type and improvement direction.
 */
export function variationIcon(
	latestType: SpecialCauseType,
	improvement: ImprovementDirection
): VariationIcon {
	const v = direction(latestType);
	const level = v > 0 ? 'high' : v < 0 ? 'low' : null;
	switch (pointType(latestType, improvement)) {
		case 'common_cause':
			return { type: 'common cause', level: null };
		case 'special_cause_improvement':
			return { type: 'special cause improving', level };
		case 'special_cause_concern':
			return { type: 'special cause concerning', level };
		default:
			return { type: 'special cause neither', level };
	}
}
