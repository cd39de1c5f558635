import { REGION_BOUND_PREFIXES, isRegionBoundPrefix } from '../coverage';
import { GLOBAL_PROFILE_PREFIX } from '../inference-profiles';
import { ValidationErrors } from '../validation-errors';
import {
  checkApplicationProfileArns, checkList, checkPrincipalArns, checkProfilePrefixes, checkRegions, IsUnresolved,
} from '../validators';
import { ResidencyRulesInput } from './residency-rules';

/**
 * Checks every residency option, recording each problem under the prop's name.
 * Also rejects combinations that contradict themselves.
 */
export function validateResidencyRulesInput(
  input: ResidencyRulesInput, errors: ValidationErrors, isUnresolved?: IsUnresolved,
): void {
  checkProfilePrefixes('allowedProfilePrefixes', input.allowedProfilePrefixes, errors);
  checkApplicationProfileArns('allowedApplicationInferenceProfileArns', input.allowedApplicationInferenceProfileArns, errors, isUnresolved);
  checkPrincipalArns('exemptPrincipalArns', input.exemptPrincipalArns, errors, isUnresolved);
  checkRegions('allowedRegions', input.allowedRegions, errors, isUnresolved);
  checkCoveredServices(input, errors, isUnresolved);

  if (input.allowedProfilePrefixes?.includes(GLOBAL_PROFILE_PREFIX) && input.denyGlobalCrossRegionInference !== false) {
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
  if (services === undefined || isUnresolved?.(services)) return;
  const accepted = REGION_BOUND_PREFIXES.join(', ');
  checkList('coveredServices', services, {
    allowEmpty: false,
    check: (s) => (isRegionBoundPrefix(s) ? undefined : `"${s}" is not a service this posture covers. Use one of ${accepted}`),
  }, errors, isUnresolved ?? (() => false));
  if (services.length > 0 && !services.includes('bedrock')) {
    errors.add('coveredServices', `must include bedrock (CoveredService.BEDROCK): the Region rules exist to keep Amazon Bedrock in place. Got ${services.join(', ')}`);
  }
  if (input.includeBedrockMantle !== undefined && input.includeBedrockMantle !== services.includes('bedrock-mantle')) {
    errors.add('includeBedrockMantle', `is ${input.includeBedrockMantle} but coveredServices ${services.includes('bedrock-mantle') ? 'lists' : 'omits'} bedrock-mantle. Give coveredServices only`);
  }
}
