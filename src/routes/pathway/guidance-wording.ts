import type { InterventionKind } from '$lib/contract';

/**
 * The guidance's own wording of its three kinds of intervention programme (Cambridgeshire LSCB manual 3.3.7,
 * section 4: "Specific programmes are currently being used or developed in the following areas").
 */
export const interventionGuidance: Readonly<Record<Exclude<InterventionKind, 'none'>, string>> = {
	deter: 'Deterring from the early signs and onset of gang and/or drug exploitation activity',
	understand:
		'Challenging and supporting young people to understand how involvement in carrying weapons and drug activity can impact upon themselves and others',
	disrupt:
		'Challenging and supporting young people already involved in use of weapons, gang and/or drug exploitation by addressing behaviours, the cycle of involvement and exploring alternative lifestyle choices'
};
