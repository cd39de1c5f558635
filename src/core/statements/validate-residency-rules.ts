import { GLOBAL_PROFILE_PREFIX } from '../inference-profiles';
import { ValidationErrors } from '../validation-errors';
import {
  checkApplicationProfileArns, checkPrincipalArns, checkProfilePrefixes, checkRegions, IsUnresolved,
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

  if (input.allowedProfilePrefixes?.includes(GLOBAL_PROFILE_PREFIX) && input.denyGlobalCrossRegionInference !== false) {
    errors.add('allowedProfilePrefixes',
      '"global." is allowed here but denyGlobalCrossRegionInference (default true) denies it. '
      + 'Set denyGlobalCrossRegionInference: false if worldwide routing is really intended');
  }
}
