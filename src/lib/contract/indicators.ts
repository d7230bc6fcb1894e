/**
 * The 12 indicators of possible gang-related exploitation, in the order and wording of the guidance
 * (Cambridgeshire LSCB manual 3.3.7, section 2). `column` is the contract field that holds each level.
 */
export const indicators = [
	{
		column: 'ind_missing',
		label: 'Missing from home, care or education',
		short: 'Missing',
		aliases: ['Missing from home care or education', 'Missing', '10A']
	},
	{
		column: 'ind_accommodation',
		label: 'Unsuitable and unsettled accommodation',
		short: 'Accommodation',
		aliases: ['Accommodation']
	},
	{
		column: 'ind_education',
		label: 'Poor school or college engagement',
		short: 'Education',
		aliases: ['School engagement', 'Education']
	},
	{
		column: 'ind_drugs',
		label: 'Evidence of concerning drug use',
		short: 'Drug use',
		aliases: ['Drug use', 'Drugs', '2A']
	},
	{
		column: 'ind_relationships',
		label: 'Strained relationships, detachment and lack of trust with family, peers',
		short: 'Strained relationships',
		aliases: ['Strained relationships', 'Relationships', 'Family relationships']
	},
	{
		column: 'ind_disengagement',
		label: 'Failure to and resistance to engage with services',
		short: 'Disengagement',
		aliases: ['Resistance to engage', 'Engagement with services', 'Disengagement']
	},
	{
		column: 'ind_coercion',
		label: 'Involvement in coercive, controlling and violent relationships',
		short: 'Coercive relationships',
		aliases: [
			'Coercive controlling and violent relationships',
			'Coercion',
			'Violent relationships',
			'13A',
			'24A'
		]
	},
	{
		column: 'ind_mental_health',
		label: 'Evidence of concerning emotional and mental health presentation',
		short: 'Emotional and mental health',
		aliases: ['Emotional and mental health', 'Mental health', '4A']
	},
	{
		column: 'ind_concerning_adults',
		label: 'Association and relationships with concerning adults',
		short: 'Concerning adults',
		aliases: ['Concerning adults', 'Association with concerning adults', '11A', '12A']
	},
	{
		column: 'ind_online',
		label: 'Excessive use of phone, internet and social media',
		short: 'Phone and online',
		aliases: ['Phone internet and social media', 'Social media', 'Online']
	},
	{
		column: 'ind_gifts',
		label: 'Failure to explain gifts and excessive',
		short: 'Unexplained gifts',
		aliases: ['Failure to explain gifts', 'Unexplained gifts', 'Gifts']
	},
	{
		column: 'ind_appearance',
		label: 'Change in personal appearance and clothing',
		short: 'Appearance',
		aliases: ['Change in appearance', 'Appearance', 'Clothing']
	}
] as const;

export type Indicator = (typeof indicators)[number];
export type IndicatorColumn = Indicator['column'];
export const indicatorColumns: readonly IndicatorColumn[] = indicators.map((indicator) => indicator.column);
