import { AUSTRALIA, Geography } from '../geography';
import { SYSTEM_PROFILE_PREFIXES } from '../inference-profiles';

/**
 * Everything the pattern and query builders need, fully resolved. Built from
 * user input by `resolveDetectionRules`; inputs are validated before.
 */
export interface DetectionRules {
  /** Regions where serving a call is acceptable (`additionalEventData.inferenceRegion`). */
  readonly allowedInferenceRegions: readonly string[];
  /** Bare `global.` model IDs that were explicitly approved; calls to them do not count. */
  readonly approvedGlobalModelIds: readonly string[];
  /** System profile prefixes that count as "not Australian" for the optional third signal. */
  readonly nonAustralianProfilePrefixes: readonly string[];
}

/** User-facing options, named as the construct props name them. */
export interface DetectionRulesInput {
  readonly geography?: Geography;
  readonly allowedInferenceRegions?: readonly string[];
  readonly approvedGlobalModelIds?: readonly string[];
}

/** Defaults: served in Sydney or Melbourne only, no approved `global.` models, every prefix but `au.` is foreign. */
export function resolveDetectionRules(input: DetectionRulesInput = {}): DetectionRules {
  const geography = input.geography ?? AUSTRALIA;
  return {
    allowedInferenceRegions: [...(input.allowedInferenceRegions ?? geography.homeRegions)],
    approvedGlobalModelIds: [...(input.approvedGlobalModelIds ?? [])],
    nonAustralianProfilePrefixes: SYSTEM_PROFILE_PREFIXES.filter((p) => p !== geography.profilePrefix),
  };
}
