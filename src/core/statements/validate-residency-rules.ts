import { checkExemptionBreadth, checkRegionsInGeography } from '../fail-open';
import { AUSTRALIA } from '../geography';
import { GLOBAL_PROFILE_PREFIX } from '../inference-profiles';
import { ValidationErrors } from '../validation-errors';
import {
  checkApplicationProfileArns, checkBoolean, checkList, checkPrincipalArns, checkProfilePrefixes, checkRegions, IsUnresolved,
} from '../validators';
import { ResidencyRulesInput } from './residency-rules';

const NO_TOKENS: IsUnresolved = () => false;

/** The lists that shape the policy: a deploy-time list of them could hold anything. */
const LITERAL_LISTS = [
  'allowedProfilePrefixes', 'allowedApplicationInferenceProfileArns', 'exemptPrincipalArns',
  'acknowledgedAccountWideExemptions', 'allowedRegions',
] as const;

/**
 * Checks every residency option, recording each problem under the prop's name.
 * Also rejects combinations that contradict themselves.
 */
export function validateResidencyRulesInput(
  input: ResidencyRulesInput, errors: ValidationErrors, isUnresolved: IsUnresolved = NO_TOKENS,
): void {
  for (const prop of LITERAL_LISTS) {
    const list = isUnresolved(input[prop]) ? input[prop] : undefined;
    checkList(prop, list, { allowEmpty: true, check: () => undefined, literalList: true }, errors, isUnresolved);
  }
  const literal = <T>(v: T): T | undefined => (isUnresolved(v) ? undefined : v);
  for (const prop of ['denyGlobalCrossRegionInference', 'includeBedrockMantle'] as const) checkBoolean(prop, input[prop], errors);
  checkProfilePrefixes('allowedProfilePrefixes', literal(input.allowedProfilePrefixes), errors);
  checkApplicationProfileArns('allowedApplicationInferenceProfileArns', input.allowedApplicationInferenceProfileArns, errors, isUnresolved);
  checkPrincipalArns('exemptPrincipalArns', input.exemptPrincipalArns, errors, isUnresolved);
  checkRegions('allowedRegions', input.allowedRegions, errors, isUnresolved);
  checkList('acknowledgedAccountWideExemptions', input.acknowledgedAccountWideExemptions, { allowEmpty: true, check: () => undefined }, errors, isUnresolved);
  checkExemptionBreadth('exemptPrincipalArns', literal(input.exemptPrincipalArns),
    'acknowledgedAccountWideExemptions', literal(input.acknowledgedAccountWideExemptions), errors, isUnresolved);
  const geography = input.geography ?? AUSTRALIA;
  checkRegionsInGeography('allowedRegions', literal(input.allowedRegions), geography, errors, isUnresolved,
    'Bedrock calls made from it would be allowed, and served there');

  const prefixes = literal(input.allowedProfilePrefixes);
  if (Array.isArray(prefixes) && prefixes.includes(GLOBAL_PROFILE_PREFIX) && input.denyGlobalCrossRegionInference !== false) {
    errors.add('allowedProfilePrefixes',
      '"global." is allowed here but denyGlobalCrossRegionInference (default true) denies it. '
      + 'Set denyGlobalCrossRegionInference: false if worldwide routing is really intended');
  }
}
