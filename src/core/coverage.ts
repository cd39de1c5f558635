/**
 * The surface the residency posture governs, in one place: the statements that
 * deny, the audit that judges, the checks and the detections all read these
 * lists, so a new service prefix is added once.
 *
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 */

import { DENIED_EVERYWHERE_PREFIXES as DENIED, DeniedEverywherePrefix as Denied, REGION_GOVERNED_PREFIXES, RegionGovernedPrefix } from './surface/ai-surface';

/**
 * IAM service prefixes whose calls carry prompts and are served in the Region
 * they are made in (or, through inference profiles, in a destination Region):
 * the Region rules keep them in Australia. Read from the one classification of
 * the AI surface (`surface/ai-surface.ts`), where each has its reason and source.
 */
export const REGION_BOUND_PREFIXES: readonly RegionGovernedPrefix[] = REGION_GOVERNED_PREFIXES;

/** One of {@link REGION_BOUND_PREFIXES}. */
export type RegionBoundPrefix = RegionGovernedPrefix;

/**
 * Service prefixes with no Australian processing at all, denied in every Region
 * by default (Claude Platform on AWS, Amazon Nova Act), from the same table.
 *
 * @see https://docs.aws.amazon.com/claude-platform/latest/userguide/data-residency.html
 */
export const DENIED_EVERYWHERE_PREFIXES: readonly Denied[] = DENIED;

/** One of {@link DENIED_EVERYWHERE_PREFIXES}. */
export type DeniedEverywherePrefix = Denied;

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

/**
 * The Region-bound prefixes the Region rules cover by default: all of them.
 * Leaving one out draws a synth-time warning, because calls to it are then
 * governed by nothing in this posture.
 */
export const DEFAULT_COVERED_PREFIXES: readonly RegionBoundPrefix[] = REGION_BOUND_PREFIXES;

/** Whether a string names a Region-bound prefix. */
export function isRegionBoundPrefix(value: string): value is RegionBoundPrefix {
  return (REGION_BOUND_PREFIXES as readonly string[]).includes(value);
}

/** `bedrock:*` for `bedrock`: the action pattern covering a whole service. */
export function allActionsOf(prefix: string): string {
  return `${prefix}:*`;
}

/**
 * Service-side cross-Region inference: features that run inference in an
 * AWS-managed account, so no leg reaches the customer's account and no SCP
 * sees where the prompt is processed. The posture can only deny the action
 * or configuration that turns each one on; what remains is listed in
 * docs/coverage.md.
 */
export const SERVICE_SIDE_INFERENCE_SOURCES = {
  agentCore: 'https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/cross-region-inference.html',
  evaluations: 'https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/evaluations-cross-region-inference.html',
  registry: 'https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/registry-cross-region-inference.html',
  marketplace: 'https://docs.aws.amazon.com/bedrock/latest/userguide/bedrock-marketplace-end-to-end-workflow.html',
  structuredKnowledgeBases: 'https://docs.aws.amazon.com/bedrock/latest/userguide/kb-structured-cris.html',
  dataRetention: 'https://docs.aws.amazon.com/bedrock/latest/userguide/data-retention.html',
  abuseDetection: 'https://docs.aws.amazon.com/bedrock/latest/userguide/geographic-cross-region-inference.html',
} as const;
