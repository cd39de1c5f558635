import { ScpQuota } from './scp-quota';

/** Which statements the principals of `exemptPrincipalArns` pass. */
export enum ExemptionScope {
  /**
   * The statements a repair of the organization needs: administering the
   * covered services in any Region (finding and deleting what was made
   * abroad; Control Tower's roles working in every governed Region) and, when
   * `serviceSideInference.denyAgentCoreMemoryChanges` is on, changing
   * AgentCore memories. Not the statements that stop prompts and data leaving
   * Australia (non-`au.` profiles, resources abroad, Claude Platform, Nova
   * Act, data sharing, service-side inference, built-in evaluators, long-term
   * API keys): an exempt principal is bound by them like any other. Each
   * exemption is written two or three times, not once per statement.
   */
  ADMINISTRATION = 'ADMINISTRATION',
  /**
   * Every statement, as before December 2026: exempt principals may also send
   * prompts abroad. Each exemption is written once per statement (about 16
   * times with every opt-in control), so far fewer fit one SCP.
   */
  EVERY_STATEMENT = 'EVERY_STATEMENT',
}

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
   * Principals the policy exempts, as `aws:PrincipalArn` patterns: break-glass
   * roles, pipeline roles. Wildcards are allowed:
   * `arn:aws:iam::*:role/BreakGlass*`. Which statements they pass is
   * `exemptionScope`'s choice.
   * @default - no exemptions
   */
  readonly exemptPrincipalArns?: string[];

  /**
   * Which statements the principals of `exemptPrincipalArns` pass.
   * @default ExemptionScope.ADMINISTRATION
   */
  readonly exemptionScope?: ExemptionScope;

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
   * @default - 10,240 characters, 10 policies per target, 1 attached elsewhere (the AWS Organizations quotas since 15 May 2026)
   */
  readonly quota?: ScpQuota;
}

/** Which inference profiles may carry a Bedrock call. */
export interface InferenceProfileAllowanceProps {
  /**
   * System profile prefixes that may be used, with the trailing dot: for
   * inference profiles, guardrail profiles and Data Automation profiles alike.
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

/**
 * A service the Region rules cover, by its IAM service prefix.
 *
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 */
export enum CoveredService {
  /** Amazon Bedrock: models, agents, knowledge bases, flows, guardrails, batch, Data Automation (`bedrock:*`). Always covered. */
  BEDROCK = 'bedrock',
  /** Amazon Bedrock powered by AWS Mantle, the OpenAI- and Anthropic-compatible endpoints (`bedrock-mantle:*`). */
  BEDROCK_MANTLE = 'bedrock-mantle',
  /** Amazon Bedrock AgentCore: Runtime, Memory, Gateway, Evaluations, Policy, Registry (`bedrock-agentcore:*`). */
  BEDROCK_AGENTCORE = 'bedrock-agentcore',
  /** Web search and fetch for models (`bedrock-websearch:*`). */
  BEDROCK_WEBSEARCH = 'bedrock-websearch',
  /**
   * AWS Agent Registry, generally available under its own prefix (`agent-registry:*`).
   * Its semantic search and record embedding are also denied service-side
   * (`serviceSideInference.denyAgentRegistry`).
   */
  AGENT_REGISTRY = 'agent-registry',
}

/**
 * Controls on service-side cross-Region inference: features whose inference
 * AWS runs in an account of its own, so no leg reaches yours and no SCP sees
 * where prompts go. Each control denies the action or configuration that turns
 * a feature on. Turning off a control that is on by default draws a synth warning.
 *
 * @see https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/cross-region-inference.html
 */
export interface ServiceSideInferenceOptions {
  /**
   * Deny data retention modes other than `default`, `none` and `inherit`
   * (`bedrock:PutAccountDataRetention`; Mantle's `PutAccountDataRetention`,
   * `CreateProject`, `UpdateProject`): `provider_data_share` shares prompts with
   * the model provider, wherever it keeps them.
   * @see https://docs.aws.amazon.com/bedrock/latest/userguide/data-retention.html
   * @default true
   */
  readonly denyDataSharingWithModelProviders?: boolean;

  /**
   * Deny `bedrock:GenerateQuery`, used only by Knowledge Bases over structured
   * data stores, which use cross-Region inference "within your geography" since
   * 10 May 2026; the geography of a Sydney call is not documented. Retrieve and
   * RetrieveAndGenerate on such a knowledge base cannot be told apart and stay open.
   * @see https://docs.aws.amazon.com/bedrock/latest/userguide/kb-structured-cris.html
   * @default true
   */
  readonly denyStructuredDataQueries?: boolean;

  /**
   * Deny AWS Agent Registry's inference: semantic search and record embedding
   * from Sydney may be processed in any commercial Region. Denies the preview
   * actions (`bedrock-agentcore:*Registry*`) and, of the generally available
   * service, `agent-registry:SearchDiscoverableRegistryRecords`,
   * `InvokeRegistryMcp`, `CreateRegistryRecord` and `UpdateRegistryRecord`;
   * reading and listing records stays open in the allowed Regions.
   * @see https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/registry-cross-region-inference.html
   * @default true
   */
  readonly denyAgentRegistry?: boolean;

  /**
   * Deny AI-powered policy generation in AgentCore Policy
   * (`bedrock-agentcore:StartPolicyGeneration`), which uses cross-Region inference.
   * @see https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/cross-region-inference.html
   * @default true
   */
  readonly denyAgentCorePolicyGeneration?: boolean;

  /**
   * Deny `bedrock-agentcore:Evaluate` with AgentCore Evaluations' built-in
   * evaluators, which use cross-Region inference; custom evaluators use your
   * own model calls, which the posture governs.
   * @see https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/evaluations-cross-region-inference.html
   * @default true
   */
  readonly denyBuiltInEvaluators?: boolean;

  /**
   * Deny creating and updating AgentCore memories and starting extraction jobs
   * (everyone but `exemptPrincipalArns`, e.g. a reviewed pipeline). Built-in
   * memory strategies use cross-Region inference; "built-in with overrides"
   * strategies do not, but no condition key tells them apart, so this blocks
   * every memory change: opt in when memories are deployed by a pipeline only.
   * @see https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/memory-strategies.html
   * @default false
   */
  readonly denyAgentCoreMemoryChanges?: boolean;
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
   * @deprecated use `coveredServices`
   */
  readonly includeBedrockMantle?: boolean;

  /**
   * Services the Region rules cover. Every service listed is denied outside
   * the allowed Regions (legs of allowed profiles excepted). `BEDROCK` must be
   * listed; leaving any other out draws a synth warning.
   * @default - all: BEDROCK, BEDROCK_MANTLE, BEDROCK_AGENTCORE, BEDROCK_WEBSEARCH, AGENT_REGISTRY
   */
  readonly coveredServices?: CoveredService[];

  /**
   * Allow Claude Platform on AWS (`aws-external-anthropic:*`), which AWS says may
   * process data outside AWS, in the US or globally, never in Australia.
   * Allowing it draws a synth warning.
   * @see https://docs.aws.amazon.com/claude-platform/latest/userguide/data-residency.html
   * @default false (denied in every Region)
   */
  readonly allowClaudePlatformOnAws?: boolean;

  /**
   * Allow Amazon Nova Act (`nova-act:*`), whose acts are natural-language tasks
   * run by a model AWS hosts. AWS documents no Australian Region for it, so it
   * is denied in every Region unless allowed. Allowing it draws a synth warning.
   * @see https://docs.aws.amazon.com/nova-act/latest/userguide/what-is-nova-act.html
   * @default false (denied in every Region)
   */
  readonly allowNovaAct?: boolean;

  /**
   * Deny SageMaker endpoint invocation (`sagemaker:InvokeEndpoint*`) outside
   * Sydney, Melbourne and the allowed Regions. Bedrock Marketplace models run
   * on SageMaker endpoints and this call reaches them without a `bedrock:`
   * action. Broad on purpose: the Marketplace tag (`sagemaker-sdk:bedrock`) can
   * be removed by whoever may tag the endpoint, so it is not used. Turning it
   * off draws a synth warning.
   * @see https://docs.aws.amazon.com/bedrock/latest/userguide/bedrock-marketplace-end-to-end-workflow.html
   * @default true
   */
  readonly denySageMakerInferenceAbroad?: boolean;

  /**
   * Controls on service-side cross-Region inference.
   * @default - every control on except `denyAgentCoreMemoryChanges`
   */
  readonly serviceSideInference?: ServiceSideInferenceOptions;

  /**
   * Deny long-term Bedrock and Mantle API keys: their use
   * (`CallWithBearerToken` with `bearerTokenType = LONG_TERM`) and creating
   * them for Bedrock (`iam:CreateServiceSpecificCredential`). Short-term keys
   * are not affected.
   * @see https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys-permissions.html
   * @default false
   */
  readonly denyLongTermApiKeys?: boolean;
}
