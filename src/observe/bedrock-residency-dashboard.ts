import { Annotations, Duration, Stack, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { BedrockResidencyDashboardProps } from './bedrock-residency-dashboard-props';
import { scpDenialFilterPattern } from '../core/detect/metric-filter-patterns';
import { DEFAULT_METRIC_NAMESPACE, validateAlarmSettings } from '../core/detect/validate-detection-input';
import {
  BEDROCK_MANTLE_NAMESPACE, BEDROCK_NAMESPACE, MANTLE_MODEL_DIMENSION, MODEL_ID_DIMENSION,
} from '../core/observe/bedrock-metrics';
import { describeRegion, MELBOURNE, SYDNEY } from '../core/regions';
import { ValidationErrors } from '../core/validation-errors';
import {
  assertPropsObject, checkList, checkObjectWith, checkPositiveInteger, checkRegions, checkString, describeType,
} from '../core/validators';
import { allowAlarmsToPublish } from '../detect/alarm-topic';
import { InferenceRegionAlarm } from '../detect/inference-region-alarm';
import { durationSeconds } from '../private/alarm-settings';
import { isToken, resolvedForChecks } from '../private/tokens';
import { PostureProbe } from '../probe/posture-probe';

/** The runtime graphs of each Region: metric, statistic, title. */
const RUNTIME_GRAPHS: ReadonlyArray<{ metric: string; statistic: string; title: string }> = [
  { metric: 'Invocations', statistic: 'Sum', title: 'Invocations by model' },
  { metric: 'InputTokenCount', statistic: 'Sum', title: 'Input tokens by model' },
  { metric: 'OutputTokenCount', statistic: 'Sum', title: 'Output tokens by model' },
  { metric: 'InvocationLatency', statistic: 'p90', title: 'Latency p90 (ms) by model' },
  { metric: 'InvocationThrottles', statistic: 'Sum', title: 'Throttles by model' },
  { metric: 'InvocationClientErrors', statistic: 'Sum', title: 'Client errors by model' },
];

/** The Mantle graphs of each Region, by model (`AWS/BedrockMantle` publishes no latency yet). */
const MANTLE_GRAPHS: ReadonlyArray<{ metrics: string[]; title: string }> = [
  { metrics: ['Inferences', 'InferenceClientErrors'], title: 'Mantle (bedrock-mantle) inferences and client errors by model' },
  { metrics: ['TotalInputTokens', 'TotalOutputTokens'], title: 'Mantle (bedrock-mantle) input and output tokens by model' },
];

/** Failed deliveries of model invocation logs: published across all model IDs, with no dimension. */
const LOG_DELIVERY_FAILURES = [
  'ModelInvocationLogsCloudWatchDeliveryFailure', 'ModelInvocationLogsS3DeliveryFailure', 'ModelInvocationLargeDataS3DeliveryFailure',
];

/** Metric name of Bedrock-family calls denied by a service control policy. */
const SCP_DENIALS_METRIC = 'BedrockCallsDeniedBySCP';

/**
 * A CloudWatch dashboard of the team's Bedrock traffic and of its residency:
 * per Region, invocations, input and output tokens, latency, throttles and
 * client errors by model (`AWS/Bedrock`), and Mantle inferences
 * (`AWS/BedrockMantle`); then calls served outside Australia, `global.` calls
 * and the other residency detections (from `InferenceRegionAlarm`), Bedrock
 * calls denied by a service control policy (a metric filter on the CloudTrail
 * log group), the state of every residency alarm, and a posture probe's
 * outcomes when given. Opt-in alarms on throttles, client errors and token
 * usage notify the residency alarms' topic.
 *
 * Metric and dimension names are AWS's:
 * https://docs.aws.amazon.com/bedrock/latest/userguide/monitoring-runtime-metrics.html,
 * https://docs.aws.amazon.com/bedrock/latest/userguide/monitoring-mantle-metrics.html.
 * Without `modelIds` the graphs use SEARCH expressions, which draw every model
 * that published data and, with `sourceAccountIds`, read each linked account
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/using-search-expressions.html).
 *
 * @example
 * new BedrockResidencyDashboard(this, 'Dashboard', { posture });
 */
export class BedrockResidencyDashboard extends Construct {
  /** Metric name of Bedrock calls denied by a service control policy. */
  public static readonly SCP_DENIALS_METRIC = SCP_DENIALS_METRIC;

  /** The dashboard. */
  public readonly dashboard: cloudwatch.Dashboard;
  /** The SCP denial count, when a CloudTrail log group in this account and Region was available. */
  public readonly scpDenialsMetric?: cloudwatch.Metric;
  /** The CloudWatch Logs filter pattern of the SCP denial metric. */
  public readonly scpDenialsFilterPattern: string = scpDenialFilterPattern();
  /** The opt-in throttle alarms, one per model and source account. */
  public readonly throttleAlarms: cloudwatch.Alarm[] = [];
  /** The opt-in client error alarms. */
  public readonly clientErrorAlarms: cloudwatch.Alarm[] = [];
  /** The opt-in token usage alarms. */
  public readonly tokenUsageAlarms: cloudwatch.Alarm[] = [];

  private readonly period: Duration;

  constructor(scope: Construct, id: string, props: BedrockResidencyDashboardProps = {}) {
    super(scope, id);
    // No props means "all defaults"; null or a string is an untyped caller's mistake.
    assertPropsObject('BedrockResidencyDashboard', this.node.path, props, 'the dashboard\'s options (every prop is optional)');
    const stack = Stack.of(this);
    const errors = new ValidationErrors();
    // Token elements are resolved (a Lazy Region code) and checked; the dashboard is drawn from the resolved lists.
    const lists = checkProps(this, props, errors);
    const thresholds = {
      throttleAlarmThreshold: props.throttleAlarmThreshold,
      clientErrorAlarmThreshold: props.clientErrorAlarmThreshold,
      tokenUsageAlarmThreshold: props.tokenUsageAlarmThreshold,
    };
    // Read the detections only from well-formed props (an ARN string in place of a construct has no alarm to read).
    const detectionsOk = !errors.problems.some((p) => p.prop === 'inferenceRegionAlarm' || p.prop === 'posture');
    const detections = detectionsOk ? props.inferenceRegionAlarm ?? props.posture?.alarm : undefined;
    if (detectionsOk && props.posture && !props.posture.alarm && !props.inferenceRegionAlarm) {
      Annotations.of(this).addWarningV2('cdk-sovereign-bedrock:dashboard-posture-without-detection',
        'The posture has no detections (give it `detection`), so the dashboard shows no residency metrics or alarms.');
    }
    const wantsAlarms = Object.values(thresholds).some((v) => v !== undefined);
    const topic = props.topic ?? detections?.topic;
    if (wantsAlarms && !props.modelIds) {
      errors.add('modelIds', 'is needed for the opt-in alarms: CloudWatch alarms cannot evaluate SEARCH expressions, so each alarm watches one named model');
    }
    if (wantsAlarms && !topic && detectionsOk) errors.add('topic', 'is needed for the opt-in alarms: give topic, or inferenceRegionAlarm (its topic is used)');
    errors.throwIfAny('BedrockResidencyDashboard', this.node.path);

    this.period = props.period ?? Duration.minutes(5);
    const regions = lists.regions ?? [SYDNEY, MELBOURNE];
    const accounts = lists.sourceAccountIds ?? [undefined];
    const modelIds = lists.modelIds;

    this.dashboard = new cloudwatch.Dashboard(this, 'Resource', {
      dashboardName: props.dashboardName,
      defaultInterval: Duration.days(1),
    });
    this.dashboard.addWidgets(new cloudwatch.TextWidget({
      width: 24,
      height: 2,
      markdown: '# Amazon Bedrock in use, and where it was served\n'
        + `Per Region: \`${BEDROCK_NAMESPACE}\` (bedrock-runtime) and \`${BEDROCK_MANTLE_NAMESPACE}\` (bedrock-mantle) metrics. `
        + 'Below: the residency detections, SCP denials and the state of every residency alarm.',
    }));

    for (const region of regions) {
      this.dashboard.addWidgets(new cloudwatch.TextWidget({ width: 24, height: 1, markdown: `## ${describeRegion(region)}` }));
      this.dashboard.addWidgets(...RUNTIME_GRAPHS.map((g) => new cloudwatch.GraphWidget({
        title: `${g.title}, ${region}`,
        width: 8,
        height: 6,
        region,
        left: accounts.flatMap((account) => this.runtimeMetrics(g.metric, g.statistic, region, account, modelIds)),
      })));
      this.dashboard.addWidgets(...MANTLE_GRAPHS.map((g) => new cloudwatch.GraphWidget({
        title: `${g.title}, ${region}`,
        width: 12,
        height: 6,
        region,
        left: accounts.flatMap((account) => g.metrics.map((name) => this.search(
          `{${BEDROCK_MANTLE_NAMESPACE},${MANTLE_MODEL_DIMENSION}} MetricName="${name}"`, 'Sum', region, account, `${name} ${account ?? ''}`.trim()))),
      })));
      this.dashboard.addWidgets(new cloudwatch.GraphWidget({
        title: `Model invocation log deliveries that failed, ${region}`,
        width: 24,
        height: 4,
        region,
        left: accounts.flatMap((account) => LOG_DELIVERY_FAILURES.map((name) => new cloudwatch.Metric({
          namespace: BEDROCK_NAMESPACE,
          metricName: name,
          statistic: cloudwatch.Stats.SUM,
          period: this.period,
          label: `${name}${account ? ` (${account})` : ''}`,
          region: region === stack.region ? undefined : region,
          account,
        }))),
      }));
    }

    const residencyAlarms: cloudwatch.IAlarm[] = [];
    const residency: cloudwatch.IMetric[] = [];
    if (detections) {
      const inOtherEnv = (metric: cloudwatch.IMetric): cloudwatch.IMetric => this.inEnvOf(detections, metric);
      // An alarm in another account or Region has a name CloudFormation generates there: it cannot be referenced from here.
      const local = sameEnv(stack, Stack.of(detections));
      for (const alarm of detectionAlarms(detections)) {
        if (local) residencyAlarms.push(alarm);
        residency.push(inOtherEnv(alarm.metric));
      }
      if (!local) {
        Annotations.of(this).addInfoV2('cdk-sovereign-bedrock:dashboard-remote-alarms',
          'The detections are in another account or Region: their metrics are drawn, but their alarms are not in the alarm status widget. Add a dashboard in that account to see their state.');
      }
    }
    const logGroup = props.cloudTrailLogGroup ?? (detections && sameEnv(stack, Stack.of(detections)) ? detections.logGroup : undefined);
    const widgets: cloudwatch.IWidget[] = [];
    if (residency.length > 0) {
      widgets.push(new cloudwatch.GraphWidget({
        title: 'Residency detections: calls served outside Australia, global. calls, other surfaces',
        width: 12,
        height: 6,
        left: residency,
      }));
    }
    if (logGroup) {
      const namespace = props.metricNamespace ?? DEFAULT_METRIC_NAMESPACE;
      const filter = new logs.MetricFilter(this, 'ScpDenialsFilter', {
        logGroup,
        filterPattern: logs.FilterPattern.literal(this.scpDenialsFilterPattern),
        metricNamespace: namespace,
        metricName: SCP_DENIALS_METRIC,
        metricValue: '1',
      });
      this.scpDenialsMetric = filter.metric({ statistic: cloudwatch.Stats.SUM, period: this.period, label: 'Bedrock calls denied by an SCP' });
      widgets.push(new cloudwatch.GraphWidget({ title: 'Bedrock calls denied by a service control policy', width: 12, height: 6, left: [this.scpDenialsMetric] }));
    } else if (detections) {
      Annotations.of(this).addInfoV2('cdk-sovereign-bedrock:dashboard-no-scp-denials',
        'The detections\' log group is in another account or Region, so no SCP denial filter is created: give cloudTrailLogGroup, or add a dashboard in that account.');
    }

    if (wantsAlarms) this.addAlarms({ ...props, ...lists }, topic!, detections);
    const probeLocal = !!props.probe && sameEnv(stack, Stack.of(props.probe));
    const probeAlarms = props.probe && probeLocal ? [props.probe.failedAlarm, props.probe.inconclusiveAlarm, props.probe.runErrorAlarm] : [];
    if (props.probe && !probeLocal) {
      Annotations.of(this).addInfoV2('cdk-sovereign-bedrock:dashboard-remote-probe',
        'The probe is in another account or Region: its outcomes are drawn, but its alarms are not in the alarm status widget. Add a dashboard in that account to see their state.');
    }
    const allAlarms = [
      ...residencyAlarms, ...probeAlarms, ...(props.extraAlarms ?? []), ...this.throttleAlarms, ...this.clientErrorAlarms, ...this.tokenUsageAlarms,
    ];
    if (allAlarms.length > 0) {
      widgets.push(new cloudwatch.AlarmStatusWidget({
        title: 'Residency and usage alarms',
        width: 24,
        height: Math.min(12, 2 + Math.ceil(allAlarms.length / 4) * 2),
        alarms: allAlarms,
      }));
    }
    const probe = [
      ...(props.probe ? this.probeOutcomes(props.probe) : []),
      ...(props.probeMetrics ?? []),
      ...(props.probeMetricNamespace ? accounts.map((account) => this.search(
        // No metric schema: a schema matches only metrics with exactly its dimensions, and the probe's are its own.
        `Namespace="${props.probeMetricNamespace}"`, 'Sum', undefined, account, `Probe${account ? ` ${account}` : ''}`)) : []),
    ];
    if (probe.length > 0) widgets.push(new cloudwatch.GraphWidget({ title: 'Posture probe outcomes', width: 24, height: 6, left: probe }));
    if (widgets.length > 0) {
      this.dashboard.addWidgets(new cloudwatch.TextWidget({ width: 24, height: 1, markdown: '## Residency' }));
      this.dashboard.addWidgets(...widgets);
    }
  }

  private runtimeMetrics(name: string, statistic: string, region: string, account: string | undefined, modelIds?: string[]): cloudwatch.IMetric[] {
    const stack = Stack.of(this);
    if (!modelIds) {
      return [this.search(`{${BEDROCK_NAMESPACE},${MODEL_ID_DIMENSION}} MetricName="${name}"`, statistic, region, account, account ? `${account} ` : '')];
    }
    return modelIds.map((modelId) => new cloudwatch.Metric({
      namespace: BEDROCK_NAMESPACE,
      metricName: name,
      dimensionsMap: { [MODEL_ID_DIMENSION]: modelId },
      statistic,
      period: this.period,
      label: account ? `${modelId} (${account})` : modelId,
      region: region === stack.region ? undefined : region,
      account,
    }));
  }

  /**
   * A probe's outcomes: per path, the metric of the outcome the posture
   * requires (1 when the run gave it), and the paths failed and inconclusive per run.
   */
  private probeOutcomes(probe: PostureProbe): cloudwatch.IMetric[] {
    const inEnv = (m: cloudwatch.Metric) => this.inEnvOf(probe, m);
    return [
      ...probe.pathNames.map((path) => {
        const expected = probe.expectedOutcomes[path];
        // The probe's own period (a run a day by default): one point per run.
        return inEnv(probe.metricPathOutcome(path, expected).with({ label: `${path}: ${expected} (as required)` }));
      }),
      inEnv(probe.metricPathsFailed().with({ label: 'Paths decided against the posture' })),
      inEnv(probe.metricPathsInconclusive().with({ label: 'Paths inconclusive' })),
    ];
  }

  /** A SEARCH expression; CloudWatch alarms cannot evaluate one, dashboards can. */
  private search(
    query: string, statistic: string, region: string | undefined, account: string | undefined, label: string,
  ): cloudwatch.MathExpression {
    const stack = Stack.of(this);
    return new cloudwatch.MathExpression({
      expression: `SEARCH('${query}', '${statistic}', ${this.period.toSeconds()})`,
      usingMetrics: {},
      label,
      period: this.period,
      searchRegion: region === undefined || region === stack.region ? undefined : region,
      searchAccount: account,
    });
  }

  /** A detection (or probe) metric, marked with its account and Region when it lives in another stack environment. */
  private inEnvOf(detections: Construct, metric: cloudwatch.IMetric): cloudwatch.IMetric {
    const here = Stack.of(this);
    const there = Stack.of(detections);
    if (sameEnv(here, there) || !(metric instanceof cloudwatch.Metric)) return metric;
    return metric.with({
      account: Token.isUnresolved(there.account) ? undefined : there.account,
      region: Token.isUnresolved(there.region) ? undefined : there.region,
    });
  }

  private addAlarms(props: BedrockResidencyDashboardProps, topic: sns.ITopic, detections: InferenceRegionAlarm | undefined): void {
    const stack = Stack.of(this);
    // The detections' own topic already lets this account's alarms publish when it lives in this stack.
    if (!(detections && topic === detections.topic && Stack.of(detections) === stack)) allowAlarmsToPublish(this, topic);
    const period = props.alarmPeriod ?? Duration.minutes(5);
    const notify = new actions.SnsAction(topic);
    const accounts = props.sourceAccountIds ?? [undefined];
    const metric = (name: string, modelId: string, account: string | undefined) => new cloudwatch.Metric({
      namespace: BEDROCK_NAMESPACE,
      metricName: name,
      dimensionsMap: { [MODEL_ID_DIMENSION]: modelId },
      statistic: cloudwatch.Stats.SUM,
      period,
      account,
    });
    const alarm = (id: string, m: cloudwatch.IMetric, threshold: number, description: string): cloudwatch.Alarm => {
      const a = new cloudwatch.Alarm(this, id, {
        metric: m,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
      a.addAlarmAction(notify);
      return a;
    };
    const minutes = period.toMinutes();
    props.modelIds!.forEach((modelId, i) => accounts.forEach((account, j) => {
      const suffix = `${i}${account ? `Account${j}` : ''}`;
      const who = `${modelId}${account ? ` in account ${account}` : ''} (${stack.region})`;
      if (props.throttleAlarmThreshold !== undefined) {
        this.throttleAlarms.push(alarm(`Throttles${suffix}`, metric('InvocationThrottles', modelId, account), props.throttleAlarmThreshold,
          `Bedrock throttled ${props.throttleAlarmThreshold} or more calls to ${who} in ${minutes} minutes (InvocationThrottles).`));
      }
      if (props.clientErrorAlarmThreshold !== undefined) {
        this.clientErrorAlarms.push(alarm(`ClientErrors${suffix}`, metric('InvocationClientErrors', modelId, account), props.clientErrorAlarmThreshold,
          `${props.clientErrorAlarmThreshold} or more calls to ${who} failed with a client error in ${minutes} minutes (InvocationClientErrors).`));
      }
      if (props.tokenUsageAlarmThreshold !== undefined) {
        const tokens = new cloudwatch.MathExpression({
          expression: 'input + output',
          usingMetrics: { input: metric('InputTokenCount', modelId, account), output: metric('OutputTokenCount', modelId, account) },
          label: `Tokens ${modelId}`,
          period,
        });
        this.tokenUsageAlarms.push(alarm(`TokenUsage${suffix}`, tokens, props.tokenUsageAlarmThreshold,
          `Calls to ${who} used ${props.tokenUsageAlarmThreshold} or more input plus output tokens in ${minutes} minutes (InputTokenCount + OutputTokenCount).`));
      }
    }));
  }
}

/** Every alarm of the detections, in a fixed order. */
function detectionAlarms(d: InferenceRegionAlarm): cloudwatch.Alarm[] {
  return [
    d.servedOutsideAlarm, d.globalModelAlarm, d.nonAustralianProfileAlarm, d.mantleOutsideAlarm, d.agentCoreOutsideAlarm,
    d.claudePlatformAlarm, d.foreignProfileConfigurationAlarm,
  ].filter((a): a is cloudwatch.Alarm => a !== undefined);
}

function sameEnv(a: Stack, b: Stack): boolean {
  return a === b || (a.account === b.account && a.region === b.region);
}

/** The list props the dashboard is drawn from, as checked (token elements resolved). */
type DashboardLists = Pick<BedrockResidencyDashboardProps, 'regions' | 'modelIds' | 'sourceAccountIds'>;

/** Dashboard names CloudWatch accepts: https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutDashboard.html */
const DASHBOARD_NAME = /^[A-Za-z0-9_-]{1,255}$/;

/**
 * Every prop, as an untyped caller may pass it: constructs where constructs
 * belong (an ARN string in place of a topic is refused, not read as "none"),
 * lists of metrics and alarms, names CloudWatch accepts. Regions, accounts and
 * model IDs shape the queries: a token element is resolved at synth and
 * checked, or refused when only CloudFormation could resolve it.
 */
function checkProps(scope: Construct, props: BedrockResidencyDashboardProps, errors: ValidationErrors): DashboardLists {
  const lists = resolvedForChecks(scope, props, {
    regions: { rule: 'literal', what: 'the Region code' },
    sourceAccountIds: { rule: 'literal', what: 'the 12-digit account ID' },
    modelIds: { rule: 'literal', what: 'the model ID' },
  }, errors);
  if (lists.regions !== undefined && isToken(lists.regions)) errors.add('regions', 'is a deploy-time list; give a literal list of Region codes');
  checkRegions('regions', lists.regions, errors, isToken);
  checkList('sourceAccountIds', lists.sourceAccountIds, {
    allowEmpty: false,
    literalList: true,
    check: (a) => (/^\d{12}$/.test(a) ? undefined : `"${a}" is not an AWS account ID (12 digits)`),
  }, errors, isToken);
  checkList('modelIds', lists.modelIds, {
    allowEmpty: false,
    literalList: true,
    check: (m) => (/^[\w.:/-]{1,2048}$/.test(m) ? undefined : `"${m}" is not a model or inference-profile ID`),
  }, errors, isToken);
  for (const [prop, value] of [['period', props.period], ['alarmPeriod', props.alarmPeriod]] as const) {
    const seconds = durationSeconds(prop, value, errors);
    if (seconds !== undefined && (seconds < 60 || seconds % 60 !== 0)) errors.add(prop, `must be whole minutes, at least one (Duration.minutes(5)), got ${seconds} seconds`);
  }
  for (const prop of ['throttleAlarmThreshold', 'clientErrorAlarmThreshold', 'tokenUsageAlarmThreshold'] as const) checkPositiveInteger(prop, props[prop], errors);
  validateAlarmSettings({ metricNamespace: props.metricNamespace }, errors, isToken);
  // The probe namespace is written into a SEARCH expression: a literal namespace only.
  if (isToken(props.probeMetricNamespace)) {
    errors.add('probeMetricNamespace', 'is a deploy-time value: the SEARCH expression needs the namespace itself (SovereignBedrock/Probe)');
  } else {
    validateAlarmSettings({ metricNamespace: props.probeMetricNamespace }, errors, isToken, { metricNamespace: 'probeMetricNamespace' });
    if (typeof props.probeMetricNamespace === 'string' && /["'\\]/.test(props.probeMetricNamespace)) {
      errors.add('probeMetricNamespace', 'must not contain quotes or backslashes: it is written into a SEARCH expression');
    }
  }
  if (checkString('dashboardName', props.dashboardName, errors) && !isToken(props.dashboardName) && !DASHBOARD_NAME.test(props.dashboardName!)) {
    errors.add('dashboardName', `"${props.dashboardName}" is not a dashboard name: up to 255 letters, digits, "-" and "_"`);
  }
  const constructs: ReadonlyArray<[keyof BedrockResidencyDashboardProps, string, readonly string[]]> = [
    ['inferenceRegionAlarm', 'an InferenceRegionAlarm construct', ['node', 'logGroup', 'servedOutsideAlarm']],
    ['posture', 'an AuBedrockPosture construct', ['node', 'scps', 'exemptPrincipalArns']],
    ['probe', 'a PostureProbe construct', ['node', 'pathNames', 'failedAlarm', 'metricPathOutcome']],
    ['cloudTrailLogGroup', 'a CloudWatch Logs log group (logs.ILogGroup), not its name', ['node', 'logGroupName', 'logGroupArn']],
    ['topic', 'an SNS topic (sns.ITopic), not its ARN', ['node', 'topicArn', 'addToResourcePolicy']],
  ];
  for (const [prop, what, members] of constructs) checkObjectWith(prop, props[prop], what, members, errors);
  const elements: ReadonlyArray<[keyof BedrockResidencyDashboardProps, string, readonly string[]]> = [
    ['probeMetrics', 'a CloudWatch metric (cloudwatch.IMetric)', ['toMetricConfig']],
    ['extraAlarms', 'a CloudWatch alarm (cloudwatch.IAlarm)', ['alarmArn', 'alarmName']],
  ];
  for (const [prop, what, members] of elements) {
    const list = props[prop];
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list)) {
      errors.add(prop, `must be a list of ${what.replace(/^an? /, '')}s, got ${describeType(list)}`);
      continue;
    }
    list.forEach((e, i) => {
      if (e === undefined || e === null) errors.add(`${prop}[${i}]`, `must be ${what}, got ${describeType(e)}`);
      else checkObjectWith(`${prop}[${i}]`, e, what, members, errors);
    });
  }
  return { regions: lists.regions, modelIds: lists.modelIds, sourceAccountIds: lists.sourceAccountIds };
}
