import { StatementJson } from '../policy-json';
import { exemptPrincipals } from './exemptions';
import { ResidencyRules } from './residency-rules';
import { BEARER_TOKEN_ACTIONS_BEDROCK, BEARER_TOKEN_ACTIONS_MANTLE } from './service-authorization.generated';

export const DENY_LONG_TERM_API_KEYS_SID = 'DenyLongTermBedrockApiKeys';
export const DENY_LONG_TERM_MANTLE_API_KEYS_SID = 'DenyLongTermMantleApiKeys';
export const DENY_CREATING_API_KEYS_SID = 'DenyCreatingLongTermBedrockApiKeys';

/** The value of `bedrock:BearerTokenType` (and Mantle's) for a long-term key. */
export const LONG_TERM = 'LONG_TERM';

/**
 * Long-term API keys are IAM-user service-specific credentials that last until
 * an expiry the creator picks; AWS recommends them for exploration only and
 * shows SCPs that deny their use by `bearerTokenType` and their creation by
 * service name. Short-term keys (12 hours at most, bound to one Region,
 * carrying the caller's own permissions) are untouched.
 *
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys-permissions.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_bedrock.html
 */
export function denyLongTermApiKeys(rules: ResidencyRules): StatementJson[] {
  const use = (sid: string, actions: readonly string[], key: string): StatementJson => exemptPrincipals({
    Sid: sid, Effect: 'Deny', Action: [...actions], Resource: '*', Condition: { StringEquals: { [key]: LONG_TERM } },
  }, rules);
  return [
    use(DENY_LONG_TERM_API_KEYS_SID, BEARER_TOKEN_ACTIONS_BEDROCK, 'bedrock:BearerTokenType'),
    use(DENY_LONG_TERM_MANTLE_API_KEYS_SID, BEARER_TOKEN_ACTIONS_MANTLE, 'bedrock-mantle:BearerTokenType'),
    exemptPrincipals({
      Sid: DENY_CREATING_API_KEYS_SID,
      Effect: 'Deny',
      Action: 'iam:CreateServiceSpecificCredential',
      Resource: '*',
      Condition: { StringEquals: { 'iam:ServiceSpecificCredentialServiceName': 'bedrock.amazonaws.com' } },
    }, rules),
  ];
}
