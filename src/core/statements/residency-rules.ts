import { AUSTRALIA, Geography } from '../geography';
import { systemProfileArnPattern } from '../inference-profiles';

/** IAM service prefixes that carry Bedrock inference. Mantle has its own (FACTS.md §3). */
export const BEDROCK_ACTIONS = 'bedrock:*';
export const BEDROCK_MANTLE_ACTIONS = 'bedrock-mantle:*';

/** Condition keys the statements use. */
export const INFERENCE_PROFILE_ARN_KEY = 'bedrock:InferenceProfileArn';
export const REQUESTED_REGION_KEY = 'aws:RequestedRegion';
export const PRINCIPAL_ARN_KEY = 'aws:PrincipalArn';

/**
 * Everything the statement builders need, fully resolved (no optional fields).
 * Built from user input by `resolveResidencyRules`; inputs are validated before.
 */
export interface ResidencyRules {
  readonly geography: Geography;
  /** System profile prefixes whose use is allowed (default: the geography's, `au.`). */
  readonly allowedProfilePrefixes: readonly string[];
  /** Application inference profile ARNs the user vouches for (they carry no prefix). */
  readonly allowedApplicationProfileArns: readonly string[];
  /** `aws:PrincipalArn` patterns exempt from every statement (break-glass roles). */
  readonly exemptPrincipalArns: readonly string[];
  /** Keep AWS's verbatim explicit `global.` deny alongside the prefix rule. */
  readonly denyGlobalExplicitly: boolean;
  /** Regions that may originate Bedrock calls. */
  readonly allowedOriginRegions: readonly string[];
  /** Cover `bedrock-mantle:*` as well as `bedrock:*` in the Region rules. */
  readonly includeMantle: boolean;
}

/**
 * User-facing options, named as the construct props name them so that
 * validation messages and docs speak one language.
 */
export interface ResidencyRulesInput {
  readonly geography?: Geography;
  readonly allowedProfilePrefixes?: readonly string[];
  readonly allowedApplicationInferenceProfileArns?: readonly string[];
  readonly exemptPrincipalArns?: readonly string[];
  /** Account-wide patterns of `exemptPrincipalArns` (`arn:aws:iam::111122223333:role/*`) the user accepts. */
  readonly acknowledgedAccountWideExemptions?: readonly string[];
  readonly denyGlobalCrossRegionInference?: boolean;
  readonly allowedRegions?: readonly string[];
  readonly includeBedrockMantle?: boolean;
}

/** Applies the safe defaults: Australia, `au.` only, Sydney only, explicit global deny, Mantle covered. */
export function resolveResidencyRules(input: ResidencyRulesInput = {}): ResidencyRules {
  const geography = input.geography ?? AUSTRALIA;
  return {
    geography,
    allowedProfilePrefixes: input.allowedProfilePrefixes ?? [geography.profilePrefix],
    allowedApplicationProfileArns: input.allowedApplicationInferenceProfileArns ?? [],
    exemptPrincipalArns: input.exemptPrincipalArns ?? [],
    denyGlobalExplicitly: input.denyGlobalCrossRegionInference ?? true,
    allowedOriginRegions: input.allowedRegions ?? geography.defaultOriginRegions,
    includeMantle: input.includeBedrockMantle ?? true,
  };
}

/** ARN patterns of every inference profile whose legs are allowed. */
export function allowedProfileArnPatterns(rules: ResidencyRules): string[] {
  return [
    ...rules.allowedProfilePrefixes.map(systemProfileArnPattern),
    ...rules.allowedApplicationProfileArns,
  ];
}

/** The actions the Region rules cover. */
export function regionRuleActions(rules: ResidencyRules): string | string[] {
  return rules.includeMantle ? [BEDROCK_ACTIONS, BEDROCK_MANTLE_ACTIONS] : BEDROCK_ACTIONS;
}
