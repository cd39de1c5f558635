import { MELBOURNE, SYDNEY } from './regions';

/**
 * A data-residency geography: the Regions where data may be processed and the
 * system inference-profile prefix whose routing stays inside them.
 */
export interface Geography {
  /** Human name used in policy descriptions and error messages. */
  readonly name: string;
  /** Word used in statement IDs (alphanumeric). */
  readonly sidWord: string;
  /** Prefix of the system inference profiles that route only within `homeRegions`, e.g. `au.`. */
  readonly profilePrefix: string;
  /** Every Region the geography's profiles can route to (their destination set). */
  readonly homeRegions: readonly string[];
  /** Regions that may originate Bedrock calls by default. */
  readonly defaultOriginRegions: readonly string[];
}

/**
 * Australia: `au.` profiles have exactly ap-southeast-2 (Sydney) and
 * ap-southeast-4 (Melbourne) as source and destination Regions.
 */
export const AUSTRALIA: Geography = {
  name: 'Australia',
  sidWord: 'Australia',
  profilePrefix: 'au.',
  homeRegions: [SYDNEY, MELBOURNE],
  defaultOriginRegions: [SYDNEY],
};
