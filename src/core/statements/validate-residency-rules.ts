import { REGION_BOUND_PREFIXES, isRegionBoundPrefix } from '../coverage';
import { judgeExemptionPatterns } from '../exemption-patterns';
import { checkExemptionBreadth, checkRegionsInGeography } from '../fail-open';
import { AUSTRALIA } from '../geography';
import { GLOBAL_PROFILE_PREFIX } from '../inference-profiles';
import { ValidationErrors } from '../validation-errors';
import {
  checkApplicationProfileArns, checkBoolean, checkList, checkObject, checkPrincipalArns, checkProfilePrefixes, checkRegions, describeType,
  IsUnresolved,
} from '../validators';
import { EXEMPTION_SCOPES } from './exemptions';
import { ResidencyRulesInput } from './residency-rules';

const NO_TOKENS: IsUnresolved = () => false;

/** The lists that shape the policy: a deploy-time list of them could hold anything. */
const LITERAL_LISTS = [
  'allowedProfilePrefixes', 'allowedApplicationInferenceProfileArns', 'exemptPrincipalArns',
  'acknowledgedAccountWideExemptions', 'allowedRegions', 'coveredServices',
] as const;

/** The on/off options: a string "false" from an untyped caller must not read as true. */
const BOOLEANS = [
  'denyGlobalCrossRegionInference', 'includeBedrockMantle', 'allowClaudePlatformOnAws', 'allowNovaAct', 'denySageMakerInferenceAbroad', 'denyLongTermApiKeys',
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
  for (const prop of BOOLEANS) checkBoolean(prop, input[prop], errors);
  if (input.serviceSideInference !== undefined && checkObject('serviceSideInference', input.serviceSideInference, errors)) {
    const serviceSide = input.serviceSideInference as Record<string, unknown>;
    for (const key of Object.keys(serviceSide)) checkBoolean(`serviceSideInference.${key}`, serviceSide[key], errors);
  }
  checkProfilePrefixes('allowedProfilePrefixes', literal(input.allowedProfilePrefixes), errors);
  checkApplicationProfileArns('allowedApplicationInferenceProfileArns', input.allowedApplicationInferenceProfileArns, errors, isUnresolved);
  checkPrincipalArns('exemptPrincipalArns', input.exemptPrincipalArns, errors, isUnresolved);
  if (input.exemptionScope !== undefined && !EXEMPTION_SCOPES.includes(input.exemptionScope)) {
    errors.add('exemptionScope', `${JSON.stringify(input.exemptionScope)} is not an ExemptionScope. Use one of ${EXEMPTION_SCOPES.join(', ')}`);
  }
  checkRegions('allowedRegions', input.allowedRegions, errors, isUnresolved);
  checkCoveredServices(input, errors, isUnresolved);
  checkList('acknowledgedAccountWideExemptions', input.acknowledgedAccountWideExemptions, { allowEmpty: true, check: () => undefined }, errors, isUnresolved);
  checkExemptionBreadth('exemptPrincipalArns', literal(input.exemptPrincipalArns),
    'acknowledgedAccountWideExemptions', literal(input.acknowledgedAccountWideExemptions), errors, isUnresolved);
  judgeExemptionPatterns('exemptPrincipalArns', literal(input.exemptPrincipalArns), errors, isUnresolved);
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

/**
 * `coveredServices`: known prefixes only, `bedrock` always (the profile rules
 * and the Region rules both start from it), and no contradiction with the
 * older `includeBedrockMantle`.
 */
function checkCoveredServices(input: ResidencyRulesInput, errors: ValidationErrors, isUnresolved?: IsUnresolved): void {
  const services = input.coveredServices;
  if (services === undefined || services === null || isUnresolved?.(services)) return;
  if (!Array.isArray(services)) {
    errors.add('coveredServices', `must be a list of services (CoveredService values), got ${describeType(services)}${typeof services === 'string' ? ` ("${services}"); wrap it in [ ]` : ''}`);
    return;
  }
  const accepted = REGION_BOUND_PREFIXES.join(', ');
  checkList('coveredServices', services, {
    allowEmpty: false,
    check: (s) => (isRegionBoundPrefix(s) ? undefined : `"${s}" is not a service this posture covers. Use one of ${accepted}`),
  }, errors, isUnresolved ?? (() => false));
  if (services.some((s) => typeof s !== 'string')) return; // reported element by element
  if (services.length > 0 && !services.includes('bedrock')) {
    errors.add('coveredServices', `must include bedrock (CoveredService.BEDROCK): the Region rules exist to keep Amazon Bedrock in place. Got ${services.join(', ')}`);
  }
  if (input.includeBedrockMantle !== undefined && input.includeBedrockMantle !== services.includes('bedrock-mantle')) {
    errors.add('includeBedrockMantle', `is ${input.includeBedrockMantle} but coveredServices ${services.includes('bedrock-mantle') ? 'lists' : 'omits'} bedrock-mantle. Give coveredServices only`);
  }
}

/**
 * The warnings for exemption patterns that were accepted but have a wildcard
 * in a name (what else they match), for the constructs and the export to show.
 * Problems are not reported here: `validateResidencyRulesInput` does that.
 */
export function exemptionWarnings(input: ResidencyRulesInput, isUnresolved: IsUnresolved = NO_TOKENS): string[] {
  const list = input.exemptPrincipalArns;
  if (!Array.isArray(list) || isUnresolved(list)) return [];
  return judgeExemptionPatterns('exemptPrincipalArns', list, new ValidationErrors(), isUnresolved);
}
