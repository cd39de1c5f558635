import type { ExemptionScopeName } from './exemptions';
import { allActionsOf, DEFAULT_COVERED_PREFIXES, RegionBoundPrefix } from '../coverage';
import { AUSTRALIA, Geography } from '../geography';
import { systemProfileArnPattern } from '../inference-profiles';

/**
 * `bedrock:*`: the action of AWS's verbatim profile statements, whose condition
 * keys exist only under the `bedrock` prefix. Amazon Bedrock powered by AWS
 * Mantle has its own prefix, `bedrock-mantle`.
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/list_bedrock-mantle.html
 */
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
  /** `aws:PrincipalArn` patterns exempt from the statements `exemptionScope` lets them pass (break-glass roles). */
  readonly exemptPrincipalArns: readonly string[];
  /** Which statements the exempt principals pass (see exemptions.ts). */
  readonly exemptionScope: ExemptionScopeName;
  /** Keep AWS's verbatim explicit `global.` deny alongside the prefix rule. */
  readonly denyGlobalExplicitly: boolean;
  /** Regions that may originate Bedrock calls. */
  readonly allowedOriginRegions: readonly string[];
  /** Service prefixes the Region rules cover (always including `bedrock`). */
  readonly coveredPrefixes: readonly RegionBoundPrefix[];
  /** Deny Claude Platform on AWS (`aws-external-anthropic:*`) in every Region. */
  readonly denyClaudePlatform: boolean;
  /** Deny Amazon Nova Act (`nova-act:*`) in every Region. */
  readonly denyNovaAct: boolean;
  /** Deny `sagemaker:InvokeEndpoint*` outside the residency Regions (Bedrock Marketplace endpoints). */
  readonly denySageMakerInferenceAbroad: boolean;
  /** Which service-side cross-Region inference features are denied. */
  readonly serviceSide: ServiceSideRules;
  /** Deny long-term Bedrock and Mantle API keys. */
  readonly denyLongTermApiKeys: boolean;
}

/** Service-side cross-Region inference controls, resolved. */
export interface ServiceSideRules {
  readonly denyDataSharingWithModelProviders: boolean;
  readonly denyStructuredDataQueries: boolean;
  readonly denyAgentRegistry: boolean;
  readonly denyAgentCorePolicyGeneration: boolean;
  readonly denyBuiltInEvaluators: boolean;
  readonly denyAgentCoreMemoryChanges: boolean;
}

/** Service-side controls as the props name them; every field optional. */
export interface ServiceSideInput {
  readonly denyDataSharingWithModelProviders?: boolean;
  readonly denyStructuredDataQueries?: boolean;
  readonly denyAgentRegistry?: boolean;
  readonly denyAgentCorePolicyGeneration?: boolean;
  readonly denyBuiltInEvaluators?: boolean;
  readonly denyAgentCoreMemoryChanges?: boolean;
}

/**
 * The defaults: deny every service-side feature whose routing from Sydney is
 * worldwide, unverified, or out of AWS's hands, and that a narrower feature can
 * replace; leave AgentCore Memory configuration open (opt-in), because no
 * condition key tells a built-in strategy from a safe one, so denying it blocks
 * every memory.
 */
export const SERVICE_SIDE_DEFAULTS: ServiceSideRules = {
  denyDataSharingWithModelProviders: true,
  denyStructuredDataQueries: true,
  denyAgentRegistry: true,
  denyAgentCorePolicyGeneration: true,
  denyBuiltInEvaluators: true,
  denyAgentCoreMemoryChanges: false,
};

/**
 * User-facing options, named as the construct props name them so that
 * validation messages and docs speak one language.
 */
export interface ResidencyRulesInput {
  readonly geography?: Geography;
  readonly allowedProfilePrefixes?: readonly string[];
  readonly allowedApplicationInferenceProfileArns?: readonly string[];
  readonly exemptPrincipalArns?: readonly string[];
  /** Which statements the exempt principals pass: `ADMINISTRATION` (default) or `EVERY_STATEMENT`. */
  readonly exemptionScope?: ExemptionScopeName;
  /** Account-wide patterns of `exemptPrincipalArns` (`arn:aws:iam::111122223333:role/*`) the user accepts. */
  readonly acknowledgedAccountWideExemptions?: readonly string[];
  readonly denyGlobalCrossRegionInference?: boolean;
  readonly allowedRegions?: readonly string[];
  /** @deprecated use coveredServices */
  readonly includeBedrockMantle?: boolean;
  /** Service prefixes (`bedrock`, `bedrock-mantle`, ...) the Region rules cover. */
  readonly coveredServices?: readonly string[];
  readonly allowClaudePlatformOnAws?: boolean;
  readonly allowNovaAct?: boolean;
  readonly denySageMakerInferenceAbroad?: boolean;
  readonly serviceSideInference?: ServiceSideInput;
  readonly denyLongTermApiKeys?: boolean;
}

/**
 * The covered prefixes a user asked for: `coveredServices` when given, else all
 * of them, less Mantle when the older `includeBedrockMantle: false` says so.
 * Unknown names are dropped here; validation reports them.
 */
export function resolveCoveredPrefixes(input: ResidencyRulesInput): RegionBoundPrefix[] {
  const asked = input.coveredServices
    ?? DEFAULT_COVERED_PREFIXES.filter((p) => p !== 'bedrock-mantle' || input.includeBedrockMantle !== false);
  return DEFAULT_COVERED_PREFIXES.filter((p) => asked.includes(p));
}

/**
 * Applies the safe defaults: Australia, `au.` only, Sydney only, explicit
 * global deny, every Region-bound service covered, Claude Platform and Nova Act
 * denied, SageMaker endpoints (Bedrock Marketplace) denied abroad, service-side
 * cross-Region inference denied where it can be.
 */
export function resolveResidencyRules(input: ResidencyRulesInput = {}): ResidencyRules {
  const geography = input.geography ?? AUSTRALIA;
  return {
    geography,
    allowedProfilePrefixes: input.allowedProfilePrefixes ?? [geography.profilePrefix],
    allowedApplicationProfileArns: input.allowedApplicationInferenceProfileArns ?? [],
    exemptPrincipalArns: input.exemptPrincipalArns ?? [],
    exemptionScope: input.exemptionScope ?? 'ADMINISTRATION',
    denyGlobalExplicitly: input.denyGlobalCrossRegionInference ?? true,
    allowedOriginRegions: input.allowedRegions ?? geography.defaultOriginRegions,
    coveredPrefixes: resolveCoveredPrefixes(input),
    denyClaudePlatform: !(input.allowClaudePlatformOnAws ?? false),
    denyNovaAct: !(input.allowNovaAct ?? false),
    denySageMakerInferenceAbroad: input.denySageMakerInferenceAbroad ?? true,
    serviceSide: { ...SERVICE_SIDE_DEFAULTS, ...definedOnly(input.serviceSideInference ?? {}) },
    denyLongTermApiKeys: input.denyLongTermApiKeys ?? false,
  };
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** ARN patterns of every inference profile whose legs are allowed. */
export function allowedProfileArnPatterns(rules: ResidencyRules): string[] {
  return [
    ...rules.allowedProfilePrefixes.map(systemProfileArnPattern),
    ...rules.allowedApplicationProfileArns,
  ];
}

/** The actions the Region rules cover: `bedrock:*` alone, or a list with the other covered services. */
export function regionRuleActions(rules: ResidencyRules): string | string[] {
  const actions = rules.coveredPrefixes.map(allActionsOf);
  return actions.length === 1 ? actions[0] : actions;
}
