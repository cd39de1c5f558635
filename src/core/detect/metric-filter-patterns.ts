import { BEDROCK_EVENT_SOURCE, FIELDS, PROFILE_ARN_MARKER } from './cloudtrail-fields';
import { DetectionRules } from './detection-rules';
import { GLOBAL_PROFILE_PREFIX } from '../inference-profiles';

/**
 * CloudWatch Logs JSON filter patterns over CloudTrail records, in exactly the
 * subset of the syntax that the offline evaluator in `test/helpers` implements:
 * `=`, `!=`, `= *` (present), quoted strings with a `*` wildcard only at the start
 * and/or the end, `&&`, `||` and parentheses.
 *
 * Rules that the patterns rely on
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html):
 * - `EXISTS` is not supported; `$.f = *` is the presence test.
 * - `$.f != "x"` does not match a record that lacks `f`, so each "not in the
 *   allowed set" is paired with a presence test anyway, to say what is meant.
 */

/** The PutMetricFilter limit on `filterPattern`. */
export const MAX_FILTER_PATTERN_LENGTH = 1024;

function selector(field: string): string {
  return `$.${field}`;
}

function quoted(value: string): string {
  // Values come from validated Region names, model IDs and constants; a quote or
  // backslash would change the pattern's meaning, so refuse rather than escape.
  if (/["\\]/.test(value)) throw new Error(`cannot quote ${value} in a filter pattern`);
  return `"${value}"`;
}

function equals(field: string, value: string): string {
  return `(${selector(field)} = ${quoted(value)})`;
}

function notEquals(field: string, value: string): string {
  return `(${selector(field)} != ${quoted(value)})`;
}

function present(field: string): string {
  return `(${selector(field)} = *)`;
}

function anyOf(terms: readonly string[]): string {
  return terms.length === 1 ? terms[0] : `(${terms.join(' || ')})`;
}

function pattern(terms: readonly string[]): string {
  return `{ ${terms.join(' && ')} }`;
}

const fromBedrock = equals(FIELDS.eventSource, BEDROCK_EVENT_SOURCE);

/** `modelId` carries the prefix, as a bare ID (`apac.…`) or as a profile ARN (`…:inference-profile/apac.…`). */
function modelIdHasPrefix(prefix: string): string[] {
  return [
    equals(FIELDS.modelId, `${prefix}*`),
    equals(FIELDS.modelId, `*${PROFILE_ARN_MARKER}${prefix}*`),
  ];
}

/**
 * A Bedrock call served in a Region outside the allowed set:
 * `inferenceRegion` is present (only profile calls have it) and names none of
 * the allowed Regions.
 */
export function servedOutsideFilterPattern(rules: DetectionRules): string {
  return pattern([
    fromBedrock,
    present(FIELDS.inferenceRegion),
    ...rules.allowedInferenceRegions.map((r) => notEquals(FIELDS.inferenceRegion, r)),
  ]);
}

/**
 * A Bedrock call (or attempt: denied calls are logged too) naming a `global.`
 * profile, bare or as an ARN, other than the approved ones. Fires wherever
 * the call was served: the next one may be served anywhere.
 */
export function globalModelFilterPattern(rules: DetectionRules): string {
  return pattern([
    fromBedrock,
    anyOf(modelIdHasPrefix(GLOBAL_PROFILE_PREFIX)),
    ...rules.approvedGlobalModelIds.flatMap((id) => [
      notEquals(FIELDS.modelId, id),
      notEquals(FIELDS.modelId, `*${PROFILE_ARN_MARKER}${id}`),
    ]),
  ]);
}

/**
 * A Bedrock call naming any system profile but the geography's own (`apac.`,
 * `us.`, `eu.`, `jp.`, `ca.`, `us-gov.`, `global.`), even when it happened to be
 * served at home.
 */
export function nonAustralianProfileFilterPattern(rules: DetectionRules): string {
  return pattern([
    fromBedrock,
    anyOf(rules.nonAustralianProfilePrefixes.flatMap(modelIdHasPrefix)),
  ]);
}

/** `errorCode` values of a denied Bedrock call; AWS's samples show `AccessDenied`, some clients report `AccessDeniedException`. */
export const ACCESS_DENIED_ERROR_CODES = ['AccessDenied', 'AccessDeniedException'] as const;

/**
 * A Bedrock-family call (Bedrock, Mantle, AgentCore: every `bedrock*` event
 * source) or a Claude Platform on AWS call that a service control policy
 * denied: an access-denied `errorCode` whose `errorMessage` names "a service
 * control policy" ("... with an explicit deny in a service control policy: arn:aws:organizations::...").
 * Denials by identity or resource policies say otherwise and do not count.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html
 */
export function scpDenialFilterPattern(): string {
  return pattern([
    anyOf([equals(FIELDS.eventSource, 'bedrock*'), equals(FIELDS.eventSource, 'aws-external-anthropic*')]),
    anyOf(ACCESS_DENIED_ERROR_CODES.map((code) => equals('errorCode', code))),
    equals('errorMessage', '*service control policy*'),
  ]);
}
