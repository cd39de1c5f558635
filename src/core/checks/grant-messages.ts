import { AllowGrant } from './allow-statements';
import { AUSTRALIA } from '../geography';
import { GLOBAL_PROFILE_PREFIX, DESTINATIONS_FROM_SYDNEY } from '../inference-profiles';
import { COMMERCIAL_REGIONS, describeRegion } from '../regions';

const REGION_LESS = 'the Region-less ARN of global. model legs';

/**
 * `statement "InvokeAll" grants bedrock:*`, or just `grants bedrock:*`: the
 * location already says which statement, and leaving it out of the message lets
 * the report list one problem found on several resources once.
 */
export function grantsPhrase(grant: AllowGrant): string {
  return `${grant.sid ? `statement "${grant.sid}" ` : ''}grants ${describeGrantedActions(grant)}`;
}

/** `bedrock:*` or `* (bedrock:InvokeModel, ...)`: the patterns, and what they grant when that is not obvious. */
export function describeGrantedActions(grant: AllowGrant): string {
  const { display, granted } = grant.actions;
  return display === granted.join(', ') ? display : `${display} (${granted.join(', ')})`;
}

/** Up to `max` Regions by city, `''` as the Region-less form, then a count. */
export function describeRegionsAbroad(regions: readonly string[], max = 4): string {
  const inRegions = regions.filter((r) => r !== '');
  if (inRegions.length === COMMERCIAL_REGIONS.length - AUSTRALIA.homeRegions.length) {
    return `every Region${regions.includes('') ? `, including ${REGION_LESS}` : ''}`;
  }
  const named = regions.map((r) => (r === '' ? REGION_LESS : describeRegion(r)));
  return named.length <= max ? named.join(', ') : `${named.slice(0, max).join(', ')} and ${named.length - max} more`;
}

/** `apac. (Tokyo, Seoul...)`, `global. (any commercial Region)`. */
export function describeProfilePrefix(prefix: string): string {
  if (prefix === GLOBAL_PROFILE_PREFIX) return 'global. (any commercial Region worldwide)';
  const destinations = DESTINATIONS_FROM_SYDNEY[prefix];
  return destinations ? `${prefix} (${destinations.map(describeRegion).join(', ')})` : `${prefix} (outside Australia)`;
}
