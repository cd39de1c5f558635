import { StatementJson } from '../policy-json';
import { unionRegions } from '../regions';
import { exemptPrincipals } from './exemptions';
import {
  allowedProfileArnPatterns, INFERENCE_PROFILE_ARN_KEY, REQUESTED_REGION_KEY, regionRuleActions, ResidencyRules,
} from './residency-rules';

export const DENY_ORIGIN_OUTSIDE_ALLOWED_REGIONS_SID = 'DenyBedrockOutsideAllowedRegions';

/**
 * A Region allow-list, made safe for `au.` profiles the way AWS
 * documents it: deny Bedrock outside the allowed origin Regions, except the legs
 * of approved inference profiles (their `bedrock:InferenceProfileArn` matches).
 *
 * A direct call, or the profile check of a call, made in Melbourne carries no
 * profile key, so `ArnNotLike` on the absent key is true and it stays denied:
 * the originating call is bound by the Region list. Only the Melbourne leg of a
 * Sydney `au.` call passes.
 */
export function denyOriginOutsideAllowedRegions(rules: ResidencyRules): StatementJson {
  return exemptPrincipals({
    Sid: DENY_ORIGIN_OUTSIDE_ALLOWED_REGIONS_SID,
    Effect: 'Deny',
    Action: regionRuleActions(rules),
    Resource: '*',
    Condition: {
      StringNotEquals: { [REQUESTED_REGION_KEY]: unionRegions(rules.allowedOriginRegions) },
      ArnNotLike: { [INFERENCE_PROFILE_ARN_KEY]: allowedProfileArnPatterns(rules) },
    },
  }, rules);
}
