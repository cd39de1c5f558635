import { StatementJson } from '../policy-json';
import { exemptPrincipals } from './exemptions';
import { BEDROCK_ACTIONS, INFERENCE_PROFILE_ARN_KEY, ResidencyRules } from './residency-rules';

export const DENY_MALFORMED_PROFILE_ARN_SID = 'DenyInferenceProfileArnNotAnArn';

/** Six colon-separated parts: the shape of every ARN. */
export const ARN_SHAPE = 'arn:*:*:*:*:*';

/**
 * A `bedrock:InferenceProfileArn` that is not ARN-shaped counts as unapproved.
 * AWS's profile statement tests the key with `ArnNotLike`, and ARN operators
 * need an ARN to compare: an evaluator may read a value that is not one as
 * matching nothing either way, and the deny would not apply. AWS documents the
 * key as the profile's ARN, so no Australian call carries anything else; this
 * statement makes the verbatim one fail closed without changing its shape.
 *
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-prereq.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN
 */
export function denyMalformedInferenceProfileArns(rules: ResidencyRules): StatementJson {
  return exemptPrincipals({
    Sid: DENY_MALFORMED_PROFILE_ARN_SID,
    Effect: 'Deny',
    Action: BEDROCK_ACTIONS,
    Resource: '*',
    Condition: {
      Null: { [INFERENCE_PROFILE_ARN_KEY]: 'false' },
      StringNotLike: { [INFERENCE_PROFILE_ARN_KEY]: ARN_SHAPE },
    },
  }, rules);
}
