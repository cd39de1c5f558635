import { ScpQuota } from './scp-quota';

/** Props shared by every service control policy in this library. */
export interface ResidencyScpBaseProps {
  /**
   * Roots, OUs and accounts to attach the policy to: `ou-ab12-34cd56ef`,
   * `123456789012`, `r-ab12`. Tokens (for example a `CfnOrganizationalUnit`'s
   * `attrId`) are passed through to CloudFormation. More can be added with `addTarget()`.
   *
   * SCPs never apply to the organization's management account, even when the
   * root is a target.
   */
  readonly targetIds: string[];

  /**
   * Name of the policy in AWS Organizations (unique in the organization).
   * @default - a name derived from the construct path
   */
  readonly policyName?: string;

  /**
   * Description of the policy in AWS Organizations.
   * @default - a description of what the policy enforces
   */
  readonly description?: string;

  /**
   * Principals that every statement of the policy exempts, as `aws:PrincipalArn`
   * patterns: break-glass roles, pipeline roles. Wildcards are allowed:
   * `arn:aws:iam::*:role/BreakGlass*`.
   * @default - no exemptions
   */
  readonly exemptPrincipalArns?: string[];

  /**
   * Patterns of `exemptPrincipalArns` that exempt every role (or user) of one
   * account, such as `arn:aws:iam::111122223333:role/*`, accepted as intended.
   * Without this such a pattern is a synth error; with it, a warning. A pattern
   * exempting every role of every account (`arn:aws:iam::*:role/*`) is refused
   * either way. Prefer named roles or a path (`role/break-glass/*`), or leave
   * the account out of `targetIds`.
   * @default - none: account-wide exemptions are refused
   */
  readonly acknowledgedAccountWideExemptions?: string[];

  /**
   * Quotas to check the policy against at synth time.
   * @default - 5,120 characters, 5 policies per target, 1 attached elsewhere
   */
  readonly quota?: ScpQuota;
}

/** Which inference profiles may carry a Bedrock call. */
export interface InferenceProfileAllowanceProps {
  /**
   * System inference-profile prefixes that may be used, with the trailing dot.
   * Only `au.` keeps data in Australia; others draw a synth-time warning.
   * @default ['au.']
   */
  readonly allowedProfilePrefixes?: string[];

  /**
   * Application inference profiles you vouch for. Their ARNs carry no geography
   * prefix (one may wrap a `global.` profile), so they are denied unless listed.
   * @default - none
   */
  readonly allowedApplicationInferenceProfileArns?: string[];
}

/** Options of the inference-profile lock. */
export interface AuOnlyInferenceOptions extends InferenceProfileAllowanceProps {
  /**
   * Add AWS's verbatim explicit deny of `global.` cross-Region inference
   * (`aws:RequestedRegion` = `unspecified`), for auditors who expect that shape.
   * Redundant with the prefix rule by design.
   * @default true
   */
  readonly denyGlobalCrossRegionInference?: boolean;
}

/** Options of the Region lock. */
export interface RegionAllowlistOptions extends InferenceProfileAllowanceProps {
  /**
   * Regions from which Bedrock may be called. Legs of allowed inference profiles
   * are still authorised in Melbourne (ap-southeast-4) so `au.` calls keep
   * working; a direct call in Melbourne needs ap-southeast-4 listed here.
   * @default ['ap-southeast-2']
   */
  readonly allowedRegions?: string[];

  /**
   * Cover Amazon Bedrock powered by AWS Mantle (`bedrock-mantle:*`), whose
   * OpenAI- and Anthropic-compatible endpoints are a separate IAM service.
   * @default true
   */
  readonly includeBedrockMantle?: boolean;
}
