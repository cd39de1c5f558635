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
  const statement = grant.sid ? `statement "${grant.sid}" ` : '';
  if (grant.managedPolicy) {
    const p = grant.managedPolicy;
    return `AWS managed policy ${p.name} (${p.versionId} of ${p.updated}) ${statement}grants ${describeGrantedActions(grant)}`;
  }
  return `${statement}grants ${describeGrantedActions(grant)}`;
}

/** How many granted actions a message names before it counts the rest. */
const NAMED_ACTIONS = 4;

/** `bedrock:*` or `* (bedrock:InvokeModel, ...)`: the patterns, and what they grant when that is not obvious. */
export function describeGrantedActions(grant: AllowGrant): string {
  const { display, granted } = grant.actions;
  if (display === granted.join(', ')) return display;
  const named = granted.length <= NAMED_ACTIONS
    ? granted.join(', ')
    : `${granted.slice(0, NAMED_ACTIONS - 1).join(', ')} and ${granted.length - NAMED_ACTIONS + 1} more`;
  return `${display} (${named})`;
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
