/**
 * Government Analysis Function chart colours (Analysis Function guidance: data visualisation colours),
 * categorical palette in order; at most about four per chart, and never colour as the only cue.
 */
export const categorical = ['#12436D', '#28A197', '#801650', '#F46A25', '#3D3D3D', '#A285D1'] as const;
/** The two-series pair. */
export const pair = ['#12436D', '#F46A25'] as const;
/** Sequential blues, dark to light. */
export const sequential = ['#12436D', '#2073BC', '#6BACE6'] as const;
export const text = '#0b0c0c';
export const muted = '#505a5f';
export const gridline = '#b1b4b6';

/** One colour per kind of intervention (and none), the same on every page that stacks them. */
export const interventionColours: Readonly<Record<string, string>> = {
	none: categorical[4],
	deter: categorical[0],
	understand: categorical[1],
	disrupt: categorical[3]
};
