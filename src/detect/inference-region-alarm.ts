import { Annotations, Duration, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as events from 'aws-cdk-lib/aws-events';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { allowAlarmsToPublish, allowRulesToPublish, createEncryptedTopic } from './alarm-topic';
import { BedrockDataEvents } from './bedrock-data-events';
import { createSignal, Signal, SignalWiring } from './detection-signal';
import { InferenceRegionAlarmProps } from './inference-region-alarm-props';
import { checkSurfacePatternLengths, createSurfaceSignals, SURFACE_METRICS } from './surface-signals';
import {
  globalModelInsightsQuery, globalModelLakeQuery, nonAustralianProfileInsightsQuery, servedOutsideInsightsQuery,
  servedOutsideLakeQuery,
} from '../core/detect/audit-queries';
import { resolveDetectionRules } from '../core/detect/detection-rules';
import {
  globalModelEventPattern, nonAustralianProfileEventPattern, servedOutsideEventPattern,
} from '../core/detect/event-patterns';
import {
  globalModelFilterPattern, MAX_FILTER_PATTERN_LENGTH, nonAustralianProfileFilterPattern, servedOutsideFilterPattern,
} from '../core/detect/metric-filter-patterns';
import {
  DEFAULT_DATAPOINTS_TO_ALARM, DEFAULT_EVALUATION_PERIODS, DEFAULT_METRIC_NAMESPACE, DEFAULT_PERIOD_SECONDS,
  DEFAULT_THRESHOLD, validateAlarmSettings, validateDetectionRulesInput,
} from '../core/detect/validate-detection-input';
import { ValidationErrors } from '../core/validation-errors';
import { assertPropsObject, checkBoolean } from '../core/validators';
import { durationSeconds } from '../private/alarm-settings';
import { isToken, resolvedForChecks, TokenSpec } from '../private/tokens';

/** A token Region is resolved at synth and checked, or refused (docs/refusals.md). */
const ALARM_TOKEN_SPEC: TokenSpec = { allowedInferenceRegions: { rule: 'literal', what: 'the Region code (ap-southeast-2)' } };

/**
 * Detective controls that back up the residency SCPs: CloudWatch alarms (and
 * near-real-time EventBridge rules) that fire when CloudTrail shows a Bedrock
 * call served outside Australia, or a call naming a `global.` inference profile
 * that nobody approved.
 *
 * Metrics, in `metricNamespace` (default `SovereignBedrock`):
 * - `CallsServedOutsideAllowedRegions`: `additionalEventData.inferenceRegion` is
 *   present and not an allowed Region.
 * - `UnapprovedGlobalProfileCalls`: `requestParameters.modelId` is a `global.`
 *   profile, bare or ARN, not in `approvedGlobalModelIds` (denied attempts count).
 * - `NonAustralianProfileCalls` (opt-in): any system profile but `au.`.
 * - `MantleCallsOutsideAllowedRegions`, `AgentCoreCallsOutsideAllowedRegions`:
 *   Bedrock Mantle and AgentCore calls made outside the allowed Regions.
 * - `ClaudePlatformCalls`: any call to Claude Platform on AWS.
 * - `NonAustralianGuardrailOrDataAutomationProfiles`: a Bedrock request naming a
 *   guardrail or data-automation profile other than `au.`.
 *
 * @example
 * new InferenceRegionAlarm(this, 'BedrockResidencyAlarm', {
 *   logGroup: logs.LogGroup.fromLogGroupName(this, 'OrgTrailLogs', 'aws-controltower/CloudTrailLogs'),
 * });
 */
export class InferenceRegionAlarm extends Construct {
  /** Metric name of calls served outside the allowed Regions. */
  public static readonly SERVED_OUTSIDE_METRIC = 'CallsServedOutsideAllowedRegions';
  /** Metric name of calls naming unapproved `global.` profiles. */
  public static readonly GLOBAL_MODEL_METRIC = 'UnapprovedGlobalProfileCalls';
  /** Metric name of calls naming any system profile but `au.`. */
  public static readonly NON_AUSTRALIAN_PROFILE_METRIC = 'NonAustralianProfileCalls';
  /** Metric name of Bedrock Mantle calls made outside the allowed Regions. */
  public static readonly MANTLE_OUTSIDE_METRIC: string = SURFACE_METRICS.mantleOutside;
  /** Metric name of AgentCore calls made outside the allowed Regions. */
  public static readonly AGENTCORE_OUTSIDE_METRIC: string = SURFACE_METRICS.agentCoreOutside;
  /** Metric name of Claude Platform on AWS calls. */
  public static readonly CLAUDE_PLATFORM_METRIC: string = SURFACE_METRICS.claudePlatform;
  /** Metric name of Bedrock requests naming a non-`au.` guardrail or data-automation profile. */
  public static readonly FOREIGN_PROFILE_CONFIGURATION_METRIC: string = SURFACE_METRICS.foreignProfileConfiguration;

  /** The log group the metric filters read. */
  public readonly logGroup: logs.ILogGroup;
  /** The topic every alarm and rule notifies. */
  public readonly topic: sns.ITopic;
  /** The key encrypting the topic, when this construct created the topic. */
  public readonly topicKey?: kms.IKey;

  /** Fires when a call was served outside the allowed Regions. */
  public readonly servedOutsideAlarm: cloudwatch.Alarm;
  /** Fires when a call named an unapproved `global.` profile. */
  public readonly globalModelAlarm: cloudwatch.Alarm;
  /** Fires when a call named any profile but `au.` (only with `alarmOnNonAustralianProfiles`). */
  public readonly nonAustralianProfileAlarm?: cloudwatch.Alarm;

  /** Near-real-time rule for calls served outside the allowed Regions (with `nearRealTime`). */
  public readonly servedOutsideRule?: events.Rule;
  /**
   * Near-real-time rule for `global.` profiles (with `nearRealTime`, and only when no
   * IDs are approved: EventBridge cannot exclude them).
   */
  public readonly globalModelRule?: events.Rule;
  /** Near-real-time rule for non-`au.` profiles (with `nearRealTime` and `alarmOnNonAustralianProfiles`). */
  public readonly nonAustralianProfileRule?: events.Rule;

  /** Fires when a Bedrock Mantle call was made outside the allowed Regions. */
  public readonly mantleOutsideAlarm: cloudwatch.Alarm;
  /** Fires when an AgentCore call was made outside the allowed Regions. */
  public readonly agentCoreOutsideAlarm: cloudwatch.Alarm;
  /** Fires on any Claude Platform on AWS call. */
  public readonly claudePlatformAlarm: cloudwatch.Alarm;
  /** Fires when a Bedrock request named a non-`au.` guardrail or data-automation profile. */
  public readonly foreignProfileConfigurationAlarm: cloudwatch.Alarm;
  /** Near-real-time rule for Mantle calls outside the allowed Regions (with `nearRealTime`). */
  public readonly mantleOutsideRule?: events.Rule;
  /** Near-real-time rule for AgentCore calls outside the allowed Regions (with `nearRealTime`). */
  public readonly agentCoreOutsideRule?: events.Rule;
  /** Near-real-time rule for Claude Platform on AWS calls (with `nearRealTime`). */
  public readonly claudePlatformRule?: events.Rule;
  /** Near-real-time rule for non-`au.` guardrail or data-automation profiles (with `nearRealTime`). */
  public readonly foreignProfileConfigurationRule?: events.Rule;

  /** The CloudWatch Logs filter pattern of `CallsServedOutsideAllowedRegions`. */
  public readonly servedOutsideFilterPattern: string;
  /** The CloudWatch Logs filter pattern of `UnapprovedGlobalProfileCalls`. */
  public readonly globalModelFilterPattern: string;
  /** The CloudWatch Logs filter pattern of `NonAustralianProfileCalls`, when enabled. */
  public readonly nonAustralianProfileFilterPattern?: string;

  /** Logs Insights query listing calls served outside the allowed Regions (also saved in the console). */
  public readonly servedOutsideInsightsQuery: string;
  /** Logs Insights query listing calls naming unapproved `global.` profiles (also saved in the console). */
  public readonly globalModelInsightsQuery: string;
  /** CloudTrail Lake query listing calls served outside the allowed Regions; replace `$EDS_ID`. */
  public readonly servedOutsideLakeQuery: string;
  /** CloudTrail Lake query listing calls naming unapproved `global.` profiles; replace `$EDS_ID`. */
  public readonly globalModelLakeQuery: string;

  constructor(scope: Construct, id: string, props: InferenceRegionAlarmProps) {
    super(scope, id);
    assertPropsObject('InferenceRegionAlarm', this.node.path, props, 'logGroup or trail');
    const errors = new ValidationErrors();
    const logGroup = resolveLogGroup(props, errors);
    // Regions are written into filter patterns: a token must resolve at synth to a Region code, which is checked and used.
    const view = resolvedForChecks(this, props, ALARM_TOKEN_SPEC, errors);
    validateDetectionRulesInput(view, errors, isToken);
    for (const prop of ['alarmOnNonAustralianProfiles', 'notifyOnOk', 'nearRealTime', 'logDataEvents'] as const) checkBoolean(prop, props[prop], errors);
    for (const prop of ['allowedInferenceRegions', 'approvedGlobalModelIds'] as const) {
      if (props[prop] !== undefined && Token.isUnresolved(props[prop])) {
        errors.add(prop, 'is a deploy-time list; it is written into filter patterns at synth time, so give a literal list (its elements may be deploy-time values)');
      }
    }
    validateAlarmSettings({
      metricNamespace: props.metricNamespace,
      threshold: props.threshold,
      periodSeconds: durationSeconds('period', props.period, errors),
      evaluationPeriods: props.evaluationPeriods,
      datapointsToAlarm: props.datapointsToAlarm,
    }, errors, isToken);
    if (props.logDataEvents && !props.trail) {
      errors.add('logDataEvents', 'needs trail: data-event selectors are added to a Trail. With logGroup, call BedrockDataEvents.enable(trail) where the trail is defined');
    }

    const rules = resolveDetectionRules(errors.count === 0 ? view : {});
    const patterns = {
      servedOutside: servedOutsideFilterPattern(rules),
      globalModel: globalModelFilterPattern(rules),
      nonAustralian: nonAustralianProfileFilterPattern(rules),
    };
    checkPatternLengths(patterns, errors);
    checkSurfacePatternLengths(rules, errors);
    errors.throwIfAny(`InferenceRegionAlarm at ${this.node.path}`);

    this.logGroup = logGroup!;
    const nearRealTime = props.nearRealTime ?? true;
    if (props.topic) {
      this.topic = props.topic;
      if (!allowAlarmsToPublish(this, props.topic) || (nearRealTime && !allowRulesToPublish(this, props.topic))) {
        Annotations.of(this).addInfoV2('cdk-sovereign-bedrock:imported-topic',
          'The topic is imported: its policy must let cloudwatch.amazonaws.com and events.amazonaws.com publish, and its KMS key (if any) must let them use it.');
      }
    } else {
      const created = createEncryptedTopic(this, 'Topic');
      allowAlarmsToPublish(this, created.topic);
      if (nearRealTime) allowRulesToPublish(this, created.topic);
      this.topic = created.topic;
      this.topicKey = created.key;
    }

    const wiring: SignalWiring = {
      logGroup: this.logGroup,
      topic: this.topic,
      metricNamespace: props.metricNamespace ?? DEFAULT_METRIC_NAMESPACE,
      threshold: props.threshold ?? DEFAULT_THRESHOLD,
      period: props.period ?? Duration.seconds(DEFAULT_PERIOD_SECONDS),
      evaluationPeriods: props.evaluationPeriods ?? DEFAULT_EVALUATION_PERIODS,
      datapointsToAlarm: props.datapointsToAlarm ?? DEFAULT_DATAPOINTS_TO_ALARM,
      notifyOnOk: props.notifyOnOk ?? false,
    };
    const allowed = rules.allowedInferenceRegions.join(', ');

    this.servedOutsideFilterPattern = patterns.servedOutside;
    this.globalModelFilterPattern = patterns.globalModel;
    this.servedOutsideInsightsQuery = servedOutsideInsightsQuery(rules);
    this.globalModelInsightsQuery = globalModelInsightsQuery(rules);
    this.servedOutsideLakeQuery = servedOutsideLakeQuery(rules);
    this.globalModelLakeQuery = globalModelLakeQuery(rules);

    const servedOutside = createSignal(this, 'ServedOutside', {
      metricName: InferenceRegionAlarm.SERVED_OUTSIDE_METRIC,
      filterPattern: patterns.servedOutside,
      insightsQuery: this.servedOutsideInsightsQuery,
      alarmDescription: `A Bedrock call was served outside ${allowed}: CloudTrail additionalEventData.inferenceRegion names another Region. `
        + `Run the saved Logs Insights query ${wiring.metricNamespace}/${InferenceRegionAlarm.SERVED_OUTSIDE_METRIC} to list the calls.`,
      eventPattern: nearRealTime ? servedOutsideEventPattern(rules) : undefined,
      ruleDescription: `Bedrock calls served outside ${allowed} (CloudTrail inferenceRegion)`,
      headline: `Bedrock call served outside ${allowed}`,
    }, wiring);
    this.servedOutsideAlarm = servedOutside.alarm;
    this.servedOutsideRule = servedOutside.rule;

    const approved = rules.approvedGlobalModelIds.length > 0;
    const globalModel = createSignal(this, 'GlobalModel', {
      metricName: InferenceRegionAlarm.GLOBAL_MODEL_METRIC,
      filterPattern: patterns.globalModel,
      insightsQuery: this.globalModelInsightsQuery,
      alarmDescription: 'A Bedrock call named a global. inference profile that is not approved: it may be served in any commercial Region worldwide. '
        + 'Denied attempts count too. '
        + `Run the saved Logs Insights query ${wiring.metricNamespace}/${InferenceRegionAlarm.GLOBAL_MODEL_METRIC} to list the calls.`,
      eventPattern: nearRealTime && !approved ? globalModelEventPattern() : undefined,
      ruleDescription: 'Bedrock calls naming a global. inference profile',
      headline: 'Bedrock call naming a global. inference profile',
    }, wiring);
    this.globalModelAlarm = globalModel.alarm;
    this.globalModelRule = globalModel.rule;
    if (nearRealTime && approved) {
      Annotations.of(this).addInfoV2('cdk-sovereign-bedrock:global-rule-skipped',
        'approvedGlobalModelIds is set, and an EventBridge pattern cannot say "global. but not these IDs", so there is no near-real-time global. rule. '
        + 'The UnapprovedGlobalProfileCalls alarm still excludes the approved IDs, and the served-outside rule still fires for any call served abroad.');
    }

    if (props.alarmOnNonAustralianProfiles) {
      this.nonAustralianProfileFilterPattern = patterns.nonAustralian;
      const nonAustralian: Signal = createSignal(this, 'NonAustralianProfile', {
        metricName: InferenceRegionAlarm.NON_AUSTRALIAN_PROFILE_METRIC,
        filterPattern: patterns.nonAustralian,
        insightsQuery: nonAustralianProfileInsightsQuery(rules),
        alarmDescription: `A Bedrock call named an inference profile other than au. (${rules.nonAustralianProfilePrefixes.join(' ')}), `
          + 'whose routing can leave Australia even if this call was served at home. '
          + `Run the saved Logs Insights query ${wiring.metricNamespace}/${InferenceRegionAlarm.NON_AUSTRALIAN_PROFILE_METRIC} to list the calls.`,
        eventPattern: nearRealTime ? nonAustralianProfileEventPattern(rules) : undefined,
        ruleDescription: 'Bedrock calls naming an inference profile other than au.',
        headline: 'Bedrock call naming an inference profile other than au.',
      }, wiring);
      this.nonAustralianProfileAlarm = nonAustralian.alarm;
      this.nonAustralianProfileRule = nonAustralian.rule;
    }

    const surface = createSurfaceSignals(this, rules, wiring, nearRealTime);
    this.mantleOutsideAlarm = surface.mantleOutside.alarm;
    this.mantleOutsideRule = surface.mantleOutside.rule;
    this.agentCoreOutsideAlarm = surface.agentCoreOutside.alarm;
    this.agentCoreOutsideRule = surface.agentCoreOutside.rule;
    this.claudePlatformAlarm = surface.claudePlatform.alarm;
    this.claudePlatformRule = surface.claudePlatform.rule;
    this.foreignProfileConfigurationAlarm = surface.foreignProfileConfiguration.alarm;
    this.foreignProfileConfigurationRule = surface.foreignProfileConfiguration.rule;

    if (props.logDataEvents && props.trail) BedrockDataEvents.enable(props.trail);
  }
}

function resolveLogGroup(props: InferenceRegionAlarmProps, errors: ValidationErrors): logs.ILogGroup | undefined {
  if (props.logGroup && props.trail) {
    errors.add('logGroup', 'give either logGroup or trail, not both');
    return undefined;
  }
  if (props.trail) {
    const fromTrail = props.trail.logGroup;
    if (!fromTrail) {
      errors.add('trail', `the trail ${props.trail.node.path} does not send to CloudWatch Logs. `
        + 'Create it with sendToCloudWatchLogs: true (optionally cloudWatchLogGroup), or pass the log group it delivers to as logGroup');
    }
    return fromTrail;
  }
  if (!props.logGroup) {
    errors.add('logGroup', 'give the CloudWatch Logs log group a CloudTrail trail delivers to (logGroup), or the trail itself (trail)');
  }
  return props.logGroup;
}

function checkPatternLengths(patterns: Record<'servedOutside' | 'globalModel' | 'nonAustralian', string>, errors: ValidationErrors): void {
  const blame = { servedOutside: 'allowedInferenceRegions', globalModel: 'approvedGlobalModelIds', nonAustralian: 'alarmOnNonAustralianProfiles' };
  for (const [key, pattern] of Object.entries(patterns) as Array<[keyof typeof blame, string]>) {
    if (pattern.length > MAX_FILTER_PATTERN_LENGTH) {
      errors.add(blame[key], `makes a filter pattern of ${pattern.length} characters; CloudWatch Logs accepts at most ${MAX_FILTER_PATTERN_LENGTH}. List fewer values`);
    }
  }
}

