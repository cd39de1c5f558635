/**
 * The surface the residency posture governs, in one place: the statements that
 * deny, the audit that judges, the checks and the detections all read these
 * lists, so a new service prefix is added once.
 *
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 */

/**
 * IAM service prefixes whose calls carry prompts and are served in the Region
 * they are made in (or, through inference profiles, in a destination Region):
 * the Region rules keep them in Australia.
 *
 * - `bedrock`: models, agents, knowledge bases, flows, guardrails, batch, Data Automation.
 * - `bedrock-mantle`: the OpenAI- and Anthropic-compatible endpoints (a separate IAM service).
 * - `bedrock-agentcore`: AgentCore Runtime, Memory, Gateway, Evaluations, Registry.
 * - `bedrock-websearch`: web search and fetch for models.
 */
export const REGION_BOUND_PREFIXES = ['bedrock', 'bedrock-mantle', 'bedrock-agentcore', 'bedrock-websearch'] as const;

/** One of {@link REGION_BOUND_PREFIXES}. */
export type RegionBoundPrefix = typeof REGION_BOUND_PREFIXES[number];

/**
 * Service prefixes with no Australian processing at all, denied in every Region
 * by default. `aws-external-anthropic` is Claude Platform on AWS, which AWS says
 * may process data outside AWS, in the US or globally.
 *
 * @see https://docs.aws.amazon.com/claude-platform/latest/userguide/data-residency.html
 */
export const DENIED_EVERYWHERE_PREFIXES = ['aws-external-anthropic'] as const;

/** One of {@link DENIED_EVERYWHERE_PREFIXES}. */
export type DeniedEverywherePrefix = typeof DENIED_EVERYWHERE_PREFIXES[number];

/**
 * Bedrock resource types that route a call across Regions by a geography prefix
 * in their ID (`au.`, `apac.`, `global.` ...): only `au.` keeps data in Australia.
 *
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-cross-region-support.html
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/bda-cris.html
 */
export const PROFILE_RESOURCE_TYPES = ['inference-profile', 'guardrail-profile', 'data-automation-profile'] as const;

/** One of {@link PROFILE_RESOURCE_TYPES}. */
export type ProfileResourceType = typeof PROFILE_RESOURCE_TYPES[number];
