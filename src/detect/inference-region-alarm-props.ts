import { Duration } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';

/** Props of `InferenceRegionAlarm`. Give exactly one of `logGroup` or `trail`. */
export interface InferenceRegionAlarmProps {
  /**
   * The CloudWatch Logs log group that a CloudTrail trail delivers to, typically
   * an organization trail's. The metric filters are created on it.
   * @default - none; give `trail` instead
   */
  readonly logGroup?: logs.ILogGroup;

  /**
   * A trail created with `sendToCloudWatchLogs: true`; its log group is used.
   * A trail that does not send to CloudWatch Logs is a synth-time error.
   * @default - none; give `logGroup` instead
   */
  readonly trail?: cloudtrail.Trail;

  /**
   * Regions where a Bedrock call may be served (`additionalEventData.inferenceRegion`).
   * Known commercial Region codes; at least one.
   * @default ['ap-southeast-2', 'ap-southeast-4'] (Sydney and Melbourne)
   */
  readonly allowedInferenceRegions?: string[];

  /**
   * Bare `global.` model IDs you have explicitly approved, such as
   * `global.anthropic.claude-opus-4-5-20251101-v1:0`. Calls to them, bare or as
   * an inference-profile ARN, do not count towards the `global.` alarm (calls
   * served abroad still count towards the Region alarm). Each must start with `global.`.
   * @default - none approved
   */
  readonly approvedGlobalModelIds?: string[];

  /**
   * Add a third metric and alarm, `NonAustralianProfileCalls`, for any system
   * profile other than `au.` (`apac.`, `us.`, `eu.`, `jp.`, `ca.`, `us-gov.`,
   * `global.`), even when the call happened to be served in Australia.
   * @default false
   */
  readonly alarmOnNonAustralianProfiles?: boolean;

  /**
   * CloudWatch namespace of the metrics.
   * @default 'SovereignBedrock'
   */
  readonly metricNamespace?: string;

  /**
   * Calls per period at or above which an alarm fires. At least 1.
   * @default 1
   */
  readonly threshold?: number;

  /**
   * Period over which calls are counted: whole minutes.
   * @default Duration.minutes(1)
   */
  readonly period?: Duration;

  /**
   * Number of periods the alarms evaluate.
   * @default 1
   */
  readonly evaluationPeriods?: number;

  /**
   * Number of breaching periods, out of `evaluationPeriods`, that fire an alarm.
   * @default 1
   */
  readonly datapointsToAlarm?: number;

  /**
   * Topic the alarms and rules notify. It must let `cloudwatch.amazonaws.com`
   * and `events.amazonaws.com` publish and, if encrypted, use its key; a topic
   * encrypted with the AWS managed key `alias/aws/sns` cannot be used.
   * @default - a new topic encrypted with a new customer managed KMS key
   */
  readonly topic?: sns.ITopic;

  /**
   * Also notify the topic when an alarm returns to OK.
   * @default false
   */
  readonly notifyOnOk?: boolean;

  /**
   * Add EventBridge rules that notify the topic within seconds of the CloudTrail
   * event, alongside the metric-filter alarms. They see only the calls made in
   * this stack's account and Region.
   * @default true
   */
  readonly nearRealTime?: boolean;

  /**
   * Add the advanced event selectors that log Bedrock data events (async
   * invocations, agents, flows, knowledge bases) to `trail`. Needs `trail`.
   * Data events are billed per event. See `BedrockDataEvents`.
   * @default false
   */
  readonly logDataEvents?: boolean;
}
