/** The Sightline data contract: the one definition of every table, field, code, label and header alias. */
export * from './enumeration';
export * from './field';
export * from './indicators';
export * from './vocabulary';
export * from './referrals';
export * from './missing-episodes';
export * from './tables';
export * from './age-bands';
export * from './population';
export * from './areas';
