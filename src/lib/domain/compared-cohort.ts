import { z } from 'zod';
import { filtersSchema } from './filters';

/**
 * The cohort the Cohorts page compares with the filter bar's: a name and its own filter set. It travels in
 * the address beside the filter bar's filters, so a copied link reopens both sides of the comparison,
 * whether or not the cohort is saved on the device that opens it.
 */
export const comparedCohortSchema = z.object({
	name: z.string().trim().min(1).max(120),
	filters: filtersSchema
});
export type ComparedCohort = z.infer<typeof comparedCohortSchema>;
