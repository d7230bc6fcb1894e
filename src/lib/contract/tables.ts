import { missingEpisodes } from './missing-episodes';
import { referrals } from './referrals';

/** Every table of the contract, by name. */
export const tables = { referrals, missing_episodes: missingEpisodes } as const;
export type TableName = keyof typeof tables;
