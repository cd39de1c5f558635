import { CLOUDTRAIL_DETAIL_TYPE, FIELDS } from './cloudtrail-fields';
import { DetectionRules } from './detection-rules';
import { EventPatternJson } from './event-patterns';
import { AUSTRALIA } from '../geography';
import { eventSourceOf } from '../surface/ai-surface';

/**
 * Detections beyond Bedrock model calls: Bedrock Mantle and AgentCore calls
 * made outside the allowed Regions, any call to Claude Platform on AWS, and
 * Bedrock requests that configure or use a guardrail or data-automation profile
 * other than `au.`. Each is a CloudWatch Logs filter pattern (for the metric
 * and alarm), an EventBridge pattern (for the near-real-time rule) and a Logs
 * Insights query (saved next to the alarm), kept in one place so they agree.
 *
 * Event sources:
 * - Mantle: `bedrock-mantle.amazonaws.com`
 *   (https://docs.aws.amazon.com/bedrock/latest/userguide/logging-cloudtrail-mantle.html).
 * - AgentCore: `bedrock-agentcore.amazonaws.com`
 *   (https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/understanding-gateway-cloudtrail-log-entries.html);
 *   matched by prefix, so a separate control-plane source would be caught too.
 * - Claude Platform on AWS: the event source is not spelled out in its user guide
 *   (https://docs.aws.amazon.com/claude-platform/latest/userguide/monitoring.html);
 *   the patterns match any source starting with `aws-external-anthropic`, the
 *   service's IAM prefix, so the detection does not hang on the exact host name.
 * - Guardrail and data-automation profiles: Bedrock events whose request names
 *   `crossRegionConfig.guardrailProfileIdentifier`
 *   (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_GuardrailCrossRegionConfig.html)
 *   or `dataAutomationProfileArn` (InvokeDataAutomation and InvokeDataAutomationAsync),
 *   matched on any Bedrock source (`bedrock*`) and any event name.
 *
 * Most Claude Platform operations, AgentCore Gateway invocations and Data
 * Automation invocations are CloudTrail data events: they reach these detections
 * only from a trail that logs them (see `BedrockDataEvents`).
 */

/** A table entry's event source without its trailing `*` (a prefix to match). */
const sourcePrefix = (source: string): string => source.replace(/\*$/, '');

// Event sources come from the AI surface table, where each carries its AWS source.
export const MANTLE_EVENT_SOURCE = eventSourceOf('bedrock-mantle');
export const AGENTCORE_EVENT_SOURCE_PREFIX = sourcePrefix(eventSourceOf('bedrock-agentcore'));
export const CLAUDE_PLATFORM_EVENT_SOURCE_PREFIX = sourcePrefix(eventSourceOf('aws-external-anthropic'));
const BEDROCK_FAMILY_PREFIX = 'bedrock';

export const PROFILE_FIELDS = {
  guardrailProfile: 'requestParameters.crossRegionConfig.guardrailProfileIdentifier',
  dataAutomationProfile: 'requestParameters.dataAutomationProfileArn',
} as const;

/** One detection in its three forms. */
export interface SurfaceDetection {
  readonly filterPattern: string;
  readonly eventPattern: EventPatternJson;
  readonly insightsQuery: string;
}

// ---- CloudWatch Logs filter patterns (the subset the offline evaluator in test/helpers implements)

function quoted(value: string): string {
  if (/["\\]/.test(value)) throw new Error(`cannot quote ${value} in a filter pattern`);
  return `"${value}"`;
}
const eq = (field: string, value: string) => `($.${field} = ${quoted(value)})`;
const ne = (field: string, value: string) => `($.${field} != ${quoted(value)})`;
const present = (field: string) => `($.${field} = *)`;
const pattern = (terms: readonly string[]) => `{ ${terms.join(' && ')} }`;

function calledOutside(rules: DetectionRules): string[] {
  return rules.allowedInferenceRegions.map((r) => ne(FIELDS.awsRegion, r));
}

/** A profile ID or ARN that is not `au.`: bare (`apac.guardrail.v1:0`) or after the `/` of an ARN. */
function foreignProfile(field: string): string {
  const au = AUSTRALIA.profilePrefix;
  return `(${[present(field), ne(field, `${au}*`), ne(field, `*/${au}*`)].join(' && ')})`;
}

// ---- EventBridge patterns: no `source`, so the rule does not depend on how EventBridge names a new service.

function cloudTrail(detail: Record<string, unknown>): EventPatternJson {
  return { 'detail-type': [CLOUDTRAIL_DETAIL_TYPE], detail };
}

const notAustralianProfile = () => [{ 'anything-but': { wildcard: [`${AUSTRALIA.profilePrefix}*`, `*/${AUSTRALIA.profilePrefix}*`] } }];

// ---- Logs Insights

const COLUMNS = [FIELDS.eventTime, FIELDS.account, FIELDS.principal, FIELDS.eventSource, FIELDS.eventName, FIELDS.awsRegion, 'errorCode'];

function insights(filter: string, extraColumns: readonly string[] = []): string {
  return [
    `fields ${[...COLUMNS, ...extraColumns].join(', ')}`,
    `| filter ${filter}`,
    `| sort ${FIELDS.eventTime} desc`,
    '| limit 10000',
  ].join('\n');
}
const regionsList = (rules: DetectionRules) => `[${rules.allowedInferenceRegions.map((r) => `"${r}"`).join(', ')}]`;
const notAuInsights = (field: string) => `(ispresent(${field}) and ${field} not like /(^|\\/)au\\./)`;

/** A Bedrock Mantle call made in a Region outside the allowed set (Mantle serves a call in the Region it is made in). */
export function mantleOutsideDetection(rules: DetectionRules): SurfaceDetection {
  return {
    filterPattern: pattern([eq(FIELDS.eventSource, MANTLE_EVENT_SOURCE), ...calledOutside(rules)]),
    eventPattern: cloudTrail({ eventSource: [MANTLE_EVENT_SOURCE], awsRegion: [{ 'anything-but': [...rules.allowedInferenceRegions] }] }),
    insightsQuery: insights(`${FIELDS.eventSource} = "${MANTLE_EVENT_SOURCE}" and ${FIELDS.awsRegion} not in ${regionsList(rules)}`),
  };
}

/** An AgentCore call made in a Region outside the allowed set. */
export function agentCoreOutsideDetection(rules: DetectionRules): SurfaceDetection {
  return {
    filterPattern: pattern([eq(FIELDS.eventSource, `${AGENTCORE_EVENT_SOURCE_PREFIX}*`), ...calledOutside(rules)]),
    eventPattern: cloudTrail({ eventSource: [{ prefix: AGENTCORE_EVENT_SOURCE_PREFIX }], awsRegion: [{ 'anything-but': [...rules.allowedInferenceRegions] }] }),
    insightsQuery: insights(`${FIELDS.eventSource} like /^${AGENTCORE_EVENT_SOURCE_PREFIX}/ and ${FIELDS.awsRegion} not in ${regionsList(rules)}`),
  };
}

/** Any call to Claude Platform on AWS, in any Region, allowed or denied: it may process data outside AWS. */
export function claudePlatformDetection(): SurfaceDetection {
  return {
    filterPattern: pattern([eq(FIELDS.eventSource, `${CLAUDE_PLATFORM_EVENT_SOURCE_PREFIX}*`)]),
    eventPattern: cloudTrail({ eventSource: [{ prefix: CLAUDE_PLATFORM_EVENT_SOURCE_PREFIX }] }),
    insightsQuery: insights(`${FIELDS.eventSource} like /^${CLAUDE_PLATFORM_EVENT_SOURCE_PREFIX}/`),
  };
}

/**
 * A Bedrock request (creating or updating a guardrail, invoking Data
 * Automation) that names a guardrail or data-automation profile other than `au.`.
 */
export function foreignProfileConfigurationDetection(): SurfaceDetection {
  const { guardrailProfile, dataAutomationProfile } = PROFILE_FIELDS;
  return {
    filterPattern: pattern([
      eq(FIELDS.eventSource, `${BEDROCK_FAMILY_PREFIX}*`),
      `(${foreignProfile(guardrailProfile)} || ${foreignProfile(dataAutomationProfile)})`,
    ]),
    eventPattern: cloudTrail({
      eventSource: [{ prefix: BEDROCK_FAMILY_PREFIX }],
      $or: [
        { requestParameters: { crossRegionConfig: { guardrailProfileIdentifier: notAustralianProfile() } } },
        { requestParameters: { dataAutomationProfileArn: notAustralianProfile() } },
      ],
    }),
    insightsQuery: insights(
      `${FIELDS.eventSource} like /^${BEDROCK_FAMILY_PREFIX}/ and (${notAuInsights(guardrailProfile)} or ${notAuInsights(dataAutomationProfile)})`,
      [guardrailProfile, dataAutomationProfile],
    ),
  };
}

/** Every surface detection, keyed as the construct names its metrics. */
export function surfaceDetections(rules: DetectionRules): Record<'mantleOutside' | 'agentCoreOutside' | 'claudePlatform' | 'foreignProfileConfiguration', SurfaceDetection> {
  return {
    mantleOutside: mantleOutsideDetection(rules),
    agentCoreOutside: agentCoreOutsideDetection(rules),
    claudePlatform: claudePlatformDetection(),
    foreignProfileConfiguration: foreignProfileConfigurationDetection(),
  };
}
