import { BEDROCK_EVENT_SOURCE, FIELDS, PROFILE_ARN_MARKER } from './cloudtrail-fields';
import { DetectionRules } from './detection-rules';
import { GLOBAL_PROFILE_PREFIX } from '../inference-profiles';

/**
 * Ready-to-run queries that list the offending calls for an auditor: when,
 * which account, which principal, which model, called from which Region,
 * served in which Region. They mirror the metric filters, so a count on the
 * alarm can be matched call by call.
 */

/** CloudTrail Lake's own placeholder for the event data store in its sample queries. */
export const EVENT_DATA_STORE_PLACEHOLDER = '$EDS_ID';

const INSIGHTS_COLUMNS = [
  FIELDS.eventTime, FIELDS.account, FIELDS.principal, FIELDS.modelId,
  FIELDS.awsRegion, FIELDS.inferenceRegion, FIELDS.eventName, 'errorCode',
];

function insights(filter: string): string {
  return [
    `fields ${INSIGHTS_COLUMNS.join(', ')}`,
    `| filter ${filter}`,
    `| sort ${FIELDS.eventTime} desc`,
    '| limit 10000',
  ].join('\n');
}

function insightsString(value: string): string {
  return `"${value}"`;
}

/** A Logs Insights regex literal matching the model ID bare or as a profile ARN, anchored as asked. */
function insightsModelRegex(id: string, wholeId: boolean): string {
  const escaped = id.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const marker = PROFILE_ARN_MARKER.replace(/\//g, '\\/');
  return `/(^|${marker})${escaped}${wholeId ? '$' : ''}/`;
}

const LAKE_COLUMNS = [
  FIELDS.eventTime,
  FIELDS.account,
  'userIdentity.arn AS principal',
  "element_at(requestParameters, 'modelId') AS modelId",
  FIELDS.awsRegion,
  "element_at(additionalEventData, 'inferenceRegion') AS inferenceRegion",
  FIELDS.eventName,
  'errorCode',
];

// In CloudTrail Lake, requestParameters and additionalEventData are string maps.
const LAKE_MODEL_ID = "element_at(requestParameters, 'modelId')";
const LAKE_INFERENCE_REGION = "element_at(additionalEventData, 'inferenceRegion')";

function lake(conditions: readonly string[]): string {
  return [
    `SELECT ${LAKE_COLUMNS.join(', ')}`,
    `FROM ${EVENT_DATA_STORE_PLACEHOLDER}`,
    `WHERE eventSource = ${lakeString(BEDROCK_EVENT_SOURCE)}`,
    ...conditions.map((c) => `AND ${c}`),
    `ORDER BY ${FIELDS.eventTime} DESC`,
  ].join('\n');
}

function lakeString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** Logs Insights: calls served outside the allowed Regions. */
export function servedOutsideInsightsQuery(rules: DetectionRules): string {
  const allowed = rules.allowedInferenceRegions.map(insightsString).join(', ');
  return insights(
    `${FIELDS.eventSource} = ${insightsString(BEDROCK_EVENT_SOURCE)}`
    + ` and ispresent(${FIELDS.inferenceRegion})`
    + ` and ${FIELDS.inferenceRegion} not in [${allowed}]`,
  );
}

/** Logs Insights: calls and attempts naming unapproved `global.` models. */
export function globalModelInsightsQuery(rules: DetectionRules): string {
  return insights([
    `${FIELDS.eventSource} = ${insightsString(BEDROCK_EVENT_SOURCE)}`,
    `${FIELDS.modelId} like ${insightsModelRegex(GLOBAL_PROFILE_PREFIX, false)}`,
    ...rules.approvedGlobalModelIds.map((id) => `${FIELDS.modelId} not like ${insightsModelRegex(id, true)}`),
  ].join(' and '));
}

/** Logs Insights: calls naming any system profile but the geography's own. */
export function nonAustralianProfileInsightsQuery(rules: DetectionRules): string {
  const prefixes = rules.nonAustralianProfilePrefixes.map((p) => insightsModelRegex(p, false));
  return insights([
    `${FIELDS.eventSource} = ${insightsString(BEDROCK_EVENT_SOURCE)}`,
    `(${prefixes.map((r) => `${FIELDS.modelId} like ${r}`).join(' or ')})`,
  ].join(' and '));
}

/** CloudTrail Lake: calls served outside the allowed Regions. Replace `$EDS_ID` with the event data store ID. */
export function servedOutsideLakeQuery(rules: DetectionRules): string {
  return lake([
    `${LAKE_INFERENCE_REGION} IS NOT NULL`,
    `${LAKE_INFERENCE_REGION} NOT IN (${rules.allowedInferenceRegions.map(lakeString).join(', ')})`,
  ]);
}

/**
 * CloudTrail Lake: calls and attempts naming unapproved `global.` models.
 * (`_` in a LIKE pattern matches any one character; Bedrock model IDs use `-`.)
 */
export function globalModelLakeQuery(rules: DetectionRules): string {
  return lake([
    `(${LAKE_MODEL_ID} LIKE ${lakeString(`${GLOBAL_PROFILE_PREFIX}%`)}`
    + ` OR ${LAKE_MODEL_ID} LIKE ${lakeString(`%${PROFILE_ARN_MARKER}${GLOBAL_PROFILE_PREFIX}%`)})`,
    ...rules.approvedGlobalModelIds.flatMap((id) => [
      `${LAKE_MODEL_ID} <> ${lakeString(id)}`,
      `${LAKE_MODEL_ID} NOT LIKE ${lakeString(`%${PROFILE_ARN_MARKER}${id}`)}`,
    ]),
  ]);
}
