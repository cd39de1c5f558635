import {
  BEDROCK_EVENT_SOURCE, BEDROCK_EVENTBRIDGE_SOURCE, CLOUDTRAIL_DETAIL_TYPE, PROFILE_ARN_MARKER,
} from './cloudtrail-fields';
import { DetectionRules } from './detection-rules';
import { GLOBAL_PROFILE_PREFIX } from '../inference-profiles';

/**
 * EventBridge patterns for the same conditions as the metric filters, matched
 * against CloudTrail events on the default bus of the account and Region where
 * the call was made.
 *
 * EventBridge ORs the matchers listed for one field and ANDs different fields;
 * it has no AND within one field. Every field named in a pattern must be present
 * in the event, except under `exists: false`: that is what makes `anything-but`
 * on `inferenceRegion` skip direct calls, which lack the field.
 */
export interface EventPatternJson {
  /** Absent when the pattern matches on `detail.eventSource` alone (services whose EventBridge source is not documented). */
  readonly 'source'?: string[];
  readonly 'detail-type': string[];
  readonly 'detail': Record<string, unknown>;
}

function cloudTrailBedrock(detail: Record<string, unknown>): EventPatternJson {
  return {
    'source': [BEDROCK_EVENTBRIDGE_SOURCE],
    'detail-type': [CLOUDTRAIL_DETAIL_TYPE],
    'detail': { eventSource: [BEDROCK_EVENT_SOURCE], ...detail },
  };
}

function modelIdHasPrefix(prefix: string): unknown[] {
  return [{ prefix }, { wildcard: `*${PROFILE_ARN_MARKER}${prefix}*` }];
}

/** `inferenceRegion` present and none of the allowed Regions. */
export function servedOutsideEventPattern(rules: DetectionRules): EventPatternJson {
  return cloudTrailBedrock({
    additionalEventData: { inferenceRegion: [{ 'anything-but': [...rules.allowedInferenceRegions] }] },
  });
}

/**
 * Any `global.` model ID, bare or ARN. Approved IDs cannot be excluded here:
 * "starts with global. AND is not one of these" needs an AND on one field, which
 * EventBridge patterns cannot express. Callers skip this rule when IDs are approved.
 */
export function globalModelEventPattern(): EventPatternJson {
  return cloudTrailBedrock({
    requestParameters: { modelId: modelIdHasPrefix(GLOBAL_PROFILE_PREFIX) },
  });
}

/** Any system profile but the geography's own, bare or ARN. */
export function nonAustralianProfileEventPattern(rules: DetectionRules): EventPatternJson {
  return cloudTrailBedrock({
    requestParameters: { modelId: rules.nonAustralianProfilePrefixes.flatMap(modelIdHasPrefix) },
  });
}
