import episodesUrl from '../../data/demo/missing_episodes.csv?url';
import referralsUrl from '../../data/demo/referrals.csv?url';
import populationUrl from '../../data/reference/district-population.csv?url';
import type { TableName } from '$lib/contract';

/** The bundled synthetic demo extract (data/demo), served from the app's own origin. */
export const demoExtract: Record<TableName, { name: string; url: string }> = {
	referrals: { name: 'referrals.csv', url: referralsUrl },
	missing_episodes: { name: 'missing_episodes.csv', url: episodesUrl }
};

/** Child population by district, year and age band (data/reference): denominators for rates. */
export const populationReference = populationUrl;
