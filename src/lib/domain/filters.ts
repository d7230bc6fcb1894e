import { z } from 'zod';
import {
	ageBands,
	districts,
	ethnicities,
	genders,
	isoDate,
	referralSources,
	riskLevels
} from '$lib/contract';

/**
 * The filters a user can set, as a zod schema: the single definition used by the filter bar, the URL codec
 * and the SQL predicate. Absent means "not filtered"; the URL records only what the user chose.
 */
export const filtersSchema = z.object({
	from: isoDate.optional(),
	to: isoDate.optional(),
	districts: z.array(districts.schema).optional(),
	ageBands: z.array(ageBands.schema).optional(),
	genders: z.array(genders.schema).optional(),
	ethnicities: z.array(ethnicities.schema).optional(),
	lookedAfter: z.boolean().optional(),
	riskLevels: z.array(riskLevels.schema).optional(),
	sources: z.array(referralSources.schema).optional()
});
export type Filters = z.infer<typeof filtersSchema>;
