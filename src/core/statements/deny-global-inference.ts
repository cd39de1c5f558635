import { GLOBAL_PROFILE_PREFIX, systemProfileArnPattern } from '../inference-profiles';
import { StatementJson } from '../policy-json';
import { UNSPECIFIED_REGION } from '../regions';
import { exemptPrincipals } from './exemptions';
import { BEDROCK_ACTIONS, INFERENCE_PROFILE_ARN_KEY, REQUESTED_REGION_KEY, ResidencyRules } from './residency-rules';

export const DENY_GLOBAL_SID = 'DenyGlobalCrossRegionInference';

/**
 * AWS's published explicit deny for global cross-Region inference, kept in its
 * verbatim shape so an auditor can match it against the AWS documentation.
 * Redundant with the prefix rule (which also rejects `global.`) on purpose: a
 * second, independent lock on the widest routing.
 *
 * The global model leg is authorised with `aws:RequestedRegion` = `unspecified`
 * against a Region-less foundation-model ARN.
 *
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/global-cross-region-inference.html
 */
export function denyGlobalInference(rules: ResidencyRules): StatementJson {
  return exemptPrincipals({
    Sid: DENY_GLOBAL_SID,
    Effect: 'Deny',
    Action: BEDROCK_ACTIONS,
    Resource: '*',
    Condition: {
      StringLike: { [REQUESTED_REGION_KEY]: [UNSPECIFIED_REGION] },
      ArnLike: { [INFERENCE_PROFILE_ARN_KEY]: systemProfileArnPattern(GLOBAL_PROFILE_PREFIX) },
    },
  }, rules);
}
