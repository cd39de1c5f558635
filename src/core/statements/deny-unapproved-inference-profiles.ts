import { StatementJson } from '../policy-json';
import { exemptPrincipals } from './exemptions';
import { allowedProfileArnPatterns, BEDROCK_ACTIONS, INFERENCE_PROFILE_ARN_KEY, ResidencyRules } from './residency-rules';

export const DENY_UNAPPROVED_PROFILES_SID = 'DenyUnapprovedInferenceProfiles';

/**
 * AWS's published geographic-CRIS policy with the `au.` prefix: deny Bedrock whenever an inference profile is in play and it
 * is not an approved one.
 *
 * `bedrock:InferenceProfileArn` is present only on the foundation-model legs of
 * a profile call, so `Null: false` confines the deny to those
 * legs and leaves on-demand calls alone. `ArnNotLike` then rejects every profile
 * whose ARN is not `.../inference-profile/au.*` or a vouched application profile:
 * `apac.`, `global.`, `us.` and the rest, and any unlisted application profile
 * (whose ARN carries no prefix and may wrap a `global.` one).
 *
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-prereq.html
 */
export function denyUnapprovedInferenceProfiles(rules: ResidencyRules): StatementJson {
  return exemptPrincipals({
    Sid: DENY_UNAPPROVED_PROFILES_SID,
    Effect: 'Deny',
    Action: BEDROCK_ACTIONS,
    Resource: '*',
    Condition: {
      Null: { [INFERENCE_PROFILE_ARN_KEY]: 'false' },
      ArnNotLike: { [INFERENCE_PROFILE_ARN_KEY]: allowedProfileArnPatterns(rules) },
    },
  }, rules);
}
