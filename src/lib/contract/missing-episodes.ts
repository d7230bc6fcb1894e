import {
	booleanField,
	dateOfBirthField,
	dateField,
	enumField,
	integerField,
	tableContract,
	textField,
	timeField,
	type RowOf
} from './field';
import { districts, episodeTypes, genders } from './vocabulary';

export const missingEpisodeFields = [
	textField('episode_id', {
		label: 'Episode ID',
		description: 'Unique identifier of the missing or away episode.',
		required: true,
		maxLength: 64,
		aliases: ['Episode ID', 'Missing Episode ID', 'Episode Reference', 'Episode Ref', 'Incident ID']
	}),
	textField('child_id', {
		label: 'Child ID (pseudonymous)',
		description: 'Pseudonymous identifier of the child, the same as in the referrals table.',
		required: true,
		maxLength: 128,
		aliases: ['Child Unique ID', 'CHILD', 'LAchildID', 'Child ID', 'Person ID', 'Pseudo ID', 'Client ID']
	}),
	dateField('start_date', {
		label: 'Start date',
		description: 'Date the child went missing or away (SSDA903 MIS_START).',
		required: true,
		// Sightline's extracts start in the 2000s: anything earlier is a blank or zero cell formatted as a date.
		plausibleFrom: '2000-01-01',
		aliases: [
			'MIS_START',
			'Start Date',
			'Missing Start',
			'Missing Start Date',
			'Date Missing',
			'Episode Start'
		]
	}),
	dateField('end_date', {
		label: 'End date',
		description: 'Date the child returned (SSDA903 MIS_END). Blank means still missing.',
		required: false,
		// Sightline's extracts start in the 2000s: anything earlier is a blank or zero cell formatted as a date.
		plausibleFrom: '2000-01-01',
		aliases: [
			'MIS_END',
			'End Date',
			'Missing End',
			'Missing End Date',
			'Date Returned',
			'Return Date',
			'Episode End'
		]
	}),
	enumField('episode_type', {
		label: 'Missing or away',
		description: 'SSDA903 MISSING: M = missing, A = away from placement without authorisation.',
		required: true,
		values: episodeTypes,
		aliases: ['MISSING', 'Missing or Away', 'Episode Type', 'Type', 'Missing/Away']
	}),
	integerField('age_at_start', {
		label: 'Age at start',
		description:
			'Age in whole years when the episode began. Computed from a date of birth when the extract has one.',
		required: false,
		min: 0,
		// 18–24 are allowed without a warning: the guidance follows care leavers up to 25.
		max: 24,
		aliases: ['Age', 'Age at Start', 'Age at Episode']
	}),
	enumField('sex', {
		label: 'Sex',
		description:
			'Sex of the child as recorded (SSDA903 SEX: 1 male, 2 female). An SSDA903 Missing table has none: the return’s Header table gives it.',
		required: false,
		values: genders,
		aliases: ['SEX', 'Sex', 'Gender', 'Child Sex', 'Child Gender']
	}),
	booleanField('looked_after', {
		label: 'Looked after at start',
		description:
			'Whether the child was looked after when the episode began (for an SSDA903 return: the start falls in one of the child’s periods of care, from its Episodes table).',
		required: false,
		aliases: ['Looked After', 'CLA', 'LAC', 'Looked After at Start', 'Child Looked After']
	}),
	enumField('district', {
		label: 'District',
		description: 'District the child went missing from.',
		required: true,
		values: districts,
		aliases: ['District', 'Locality', 'Area', 'Local Authority District']
	}),
	booleanField('rhi_offered', {
		label: 'Return home interview offered',
		description: 'Whether a return home interview was offered after the child came back.',
		required: false,
		aliases: ['RHI Offered', 'Return Home Interview Offered', 'RHI_OFFERED', 'Return Interview Offered']
	}),
	booleanField('rhi_accepted', {
		label: 'Return home interview accepted',
		description: 'Whether the child accepted the return home interview.',
		required: false,
		aliases: ['RHI Accepted', 'Return Home Interview Accepted', 'RHI_ACCEPTED', 'Return Interview Accepted']
	}),
	dateField('rhi_date', {
		label: 'Return home interview date',
		description: 'Date the return home interview took place (statutory guidance: within 72 hours of return).',
		required: false,
		// Sightline's extracts start in the 2000s: anything earlier is a blank or zero cell formatted as a date.
		plausibleFrom: '2000-01-01',
		aliases: ['RHI Date', 'Return Home Interview Date', 'Date of RHI', 'Return Interview Date']
	}),
	// Optional times: where an extract has both, "within 72 hours" is measured in exact hours; with dates
	// alone it is the day of return or one of the next three calendar days.
	timeField('return_time', {
		label: 'Return time',
		description:
			'Time of day the child returned, on the end date (hh:mm, read as UTC). With the interview time it gives the exact hours to the interview.',
		required: false,
		dateField: 'end_date',
		aliases: [
			'Return Time',
			'Time Returned',
			'End Time',
			'Missing End Time',
			'Episode End Time',
			'MIS_END_TIME'
		]
	}),
	timeField('rhi_time', {
		label: 'Return home interview time',
		description: 'Time of day the return home interview took place, on its date (hh:mm, read as UTC).',
		required: false,
		dateField: 'rhi_date',
		aliases: ['RHI Time', 'Return Home Interview Time', 'Time of RHI', 'Return Interview Time']
	})
] as const;

export const missingEpisodes = tableContract({
	name: 'missing_episodes',
	label: 'Missing episodes',
	description: 'One row per missing or away episode (optional table; SSDA903 Missing layout).',
	fields: missingEpisodeFields,
	inputOnly: [dateOfBirthField('the episode start')]
});
export type MissingEpisode = RowOf<typeof missingEpisodeFields>;
