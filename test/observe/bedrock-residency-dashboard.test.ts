import { App, Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import {
  AuBedrockPosture, BedrockResidencyDashboard, BedrockResidencyDashboardProps, InferenceRegionAlarm, PostureProbe, SovereignBedrockValidationProblem,
} from '../../src';
import {
  BEDROCK_MANTLE_METRICS, BEDROCK_MANTLE_NAMESPACE, BEDROCK_NAMESPACE, BEDROCK_RUNTIME_METRICS,
} from '../../src/core/observe/bedrock-metrics';
import { PROBE_METRICS } from '../../src/core/probe/scheduled-probe';
import { SURFACE_METRICS } from '../../src/detect/surface-signals';
import { thrown } from '../helpers/errors';

const SYDNEY = { account: '111122223333', region: 'ap-southeast-2' };
const SONNET = 'au.anthropic.claude-sonnet-4-5-20250929-v1:0';
const HAIKU = 'au.anthropic.claude-haiku-4-5-20251001-v1:0';

/** The library's own metrics: the detections' names and the dashboard's SCP denial count. */
const LIBRARY_METRICS = new Set<string>([
  InferenceRegionAlarm.SERVED_OUTSIDE_METRIC, InferenceRegionAlarm.GLOBAL_MODEL_METRIC, InferenceRegionAlarm.NON_AUSTRALIAN_PROFILE_METRIC,
  ...Object.values(SURFACE_METRICS), BedrockResidencyDashboard.SCP_DENIALS_METRIC,
]);

interface Built { stack: Stack; dashboard: BedrockResidencyDashboard; template: Template; body: Body }
interface Body { widgets: Array<{ type: string; width: number; height: number; x: number; y: number; properties: any }> }

function withDetections(stack: Stack): InferenceRegionAlarm {
  return new InferenceRegionAlarm(stack, 'Residency', { logGroup: logs.LogGroup.fromLogGroupName(stack, 'OrgTrail', 'aws-controltower/CloudTrailLogs') });
}

function build(props: (stack: Stack) => BedrockResidencyDashboardProps = () => ({}), env: { account?: string; region?: string } = SYDNEY): Built {
  const stack = new Stack(new App(), 'Observe', { env });
  const dashboard = new BedrockResidencyDashboard(stack, 'Dashboard', props(stack));
  const template = Template.fromStack(stack);
  return { stack, dashboard, template, body: dashboardBody(template) };
}

/**
 * The DashboardBody as CloudWatch receives it: CloudFormation joins the parts
 * and substitutes each intrinsic; here each becomes a readable placeholder, so
 * the result must be valid JSON on its own.
 */
function dashboardBody(template: Template): Body {
  const [dashboard] = Object.values(template.findResources('AWS::CloudWatch::Dashboard'));
  const raw = dashboard.Properties.DashboardBody;
  const text = typeof raw === 'string' ? raw : (raw['Fn::Join'][1] as unknown[]).map((p) => (typeof p === 'string' ? p : placeholder(p))).join('');
  return JSON.parse(text) as Body;
}

function placeholder(intrinsic: any): string {
  if (intrinsic.Ref) return `REF_${intrinsic.Ref}`;
  if (intrinsic['Fn::GetAtt']) return `ATT_${intrinsic['Fn::GetAtt'].join('_')}`;
  throw new Error(`unexpected intrinsic in the dashboard body: ${JSON.stringify(intrinsic)}`);
}

/** Every metric line of every graph, each checked against AWS's documented list (or the library's own names). */
function checkMetrics(body: Body): { explicit: string[][]; searches: string[] } {
  const explicit: string[][] = [];
  const searches: string[] = [];
  for (const w of body.widgets) {
    if (w.type !== 'metric' || !w.properties.metrics) continue;
    for (const line of w.properties.metrics as unknown[][]) {
      const options = typeof line[line.length - 1] === 'object' ? line[line.length - 1] as Record<string, unknown> : {};
      if (typeof options.expression === 'string') {
        const m = /^SEARCH\('\{([^}]*)\}( MetricName="([^"]+)")?', '([A-Za-z0-9.]+)', (\d+)\)$/.exec(options.expression);
        if (!m) {
          if (options.expression.startsWith('SEARCH(')) expect(options.expression).toBe('SEARCH(\'Namespace="SovereignBedrock/Probe"\', \'Sum\', 300)');
          else expect(options.expression).toBe('input + output');
          continue;
        }
        const [namespace, ...dimensions] = m[1].split(',');
        searches.push(options.expression);
        if (namespace === BEDROCK_NAMESPACE || namespace === BEDROCK_MANTLE_NAMESPACE) {
          const documented = (namespace === BEDROCK_NAMESPACE ? BEDROCK_RUNTIME_METRICS : BEDROCK_MANTLE_METRICS)[m[3]];
          expect(documented).toBeDefined();
          expect(documented.dimensionSets.map((d) => d.join(','))).toContain(dimensions.join(','));
        } else {
          throw new Error(`SEARCH over an unexpected namespace: ${options.expression}`);
        }
        continue;
      }
      const parts = line.filter((p) => typeof p === 'string') as string[];
      const [namespace, name, ...dims] = parts;
      explicit.push(parts);
      const dimensionNames = dims.filter((_d, i) => i % 2 === 0);
      if (namespace === BEDROCK_NAMESPACE) {
        const documented = BEDROCK_RUNTIME_METRICS[name];
        expect(documented).toBeDefined();
        expect(documented.dimensionSets.map((d) => d.join(','))).toContain(dimensionNames.join(','));
      } else {
        expect(namespace).toBe('SovereignBedrock');
        expect(LIBRARY_METRICS.has(name)).toBe(true);
        expect(dimensionNames).toEqual([]);
      }
    }
  }
  return { explicit, searches };
}

function problems(fn: () => unknown): SovereignBedrockValidationProblem[] {
  const e = thrown(fn) as { name: string; problems: SovereignBedrockValidationProblem[] };
  expect(e.name).toBe('SovereignBedrockValidationError');
  return e.problems;
}

describe('BedrockResidencyDashboard', () => {
  test('dashboard body with the detections (snapshot): valid JSON, every widget inside the 24-column grid', () => {
    const { body } = build((stack) => ({ inferenceRegionAlarm: withDetections(stack) }));
    expect(body).toMatchSnapshot();
    expect(Array.isArray(body.widgets)).toBe(true);
    for (const w of body.widgets) {
      expect(['text', 'metric', 'alarm']).toContain(w.type);
      expect(w.x + w.width).toBeLessThanOrEqual(24);
      expect(w.height).toBeGreaterThan(0);
    }
  });

  test('the metric check itself refuses an undocumented metric name, dimension or namespace', () => {
    const body = (line: unknown[]): Body => ({ widgets: [{ type: 'metric', width: 6, height: 6, x: 0, y: 0, properties: { metrics: [line] } }] });
    expect(() => checkMetrics(body(['AWS/Bedrock', 'Invocation', 'ModelId', SONNET]))).toThrow();
    expect(() => checkMetrics(body(['AWS/Bedrock', 'Invocations', 'Model', SONNET]))).toThrow();
    expect(() => checkMetrics(body([{ expression: 'SEARCH(\'{AWS/Bedrock,ModelId} MetricName="TokenCount"\', \'Sum\', 300)' }]))).toThrow();
    expect(() => checkMetrics(body(['AWS/Lambda', 'Invocations']))).toThrow();
    expect(() => checkMetrics(body([{ expression: 'SEARCH(\'{AWS/BedrockMantle,ModelId} MetricName="Inferences"\', \'Sum\', 300)' }]))).toThrow();
    expect(() => checkMetrics(body(['AWS/Bedrock', 'Invocations', 'ModelId', SONNET]))).not.toThrow();
  });

  test('by default: Sydney and Melbourne, six runtime graphs, two Mantle graphs and the log delivery failures each, over documented metrics', () => {
    const { body } = build();
    const { explicit, searches } = checkMetrics(body);
    expect(explicit.map((e) => e.join(' ')).sort()).toEqual(['ap-southeast-2', 'ap-southeast-4'].flatMap(() => [
      'AWS/Bedrock ModelInvocationLargeDataS3DeliveryFailure', 'AWS/Bedrock ModelInvocationLogsCloudWatchDeliveryFailure', 'AWS/Bedrock ModelInvocationLogsS3DeliveryFailure',
    ]).sort());
    for (const region of ['ap-southeast-2', 'ap-southeast-4']) {
      const graphs = body.widgets.filter((w) => w.type === 'metric' && w.properties.title.endsWith(region));
      expect(graphs.map((g) => g.properties.title)).toEqual([
        `Invocations by model, ${region}`, `Input tokens by model, ${region}`, `Output tokens by model, ${region}`,
        `Latency p90 (ms) by model, ${region}`, `Throttles by model, ${region}`, `Client errors by model, ${region}`,
        `Mantle (bedrock-mantle) inferences and client errors by model, ${region}`,
        `Mantle (bedrock-mantle) input and output tokens by model, ${region}`,
        `Model invocation log deliveries that failed, ${region}`,
      ]);
      for (const g of graphs) expect(g.properties.region).toBe(region);
    }
    expect(searches).toContain('SEARCH(\'{AWS/Bedrock,ModelId} MetricName="InvocationThrottles"\', \'Sum\', 300)');
    expect(searches).toContain('SEARCH(\'{AWS/Bedrock,ModelId} MetricName="InvocationLatency"\', \'p90\', 300)');
    expect(searches).toContain('SEARCH(\'{AWS/BedrockMantle,Model} MetricName="TotalOutputTokens"\', \'Sum\', 300)');
    // The Melbourne searches say where to search; Sydney's are the dashboard's own Region.
    const melbourne = body.widgets.filter((w) => w.properties.title?.endsWith('ap-southeast-4')).flatMap((w) => w.properties.metrics);
    for (const line of melbourne) expect(line[line.length - 1].region).toBe('ap-southeast-4');
    const sydney = body.widgets.filter((w) => w.properties.title?.endsWith('ap-southeast-2')).flatMap((w) => w.properties.metrics);
    for (const line of sydney) expect(line[line.length - 1].region).toBeUndefined();
  });

  test('explicit model IDs draw one documented metric per model, with the ModelId dimension', () => {
    const { body } = build(() => ({ modelIds: [SONNET, HAIKU], regions: ['ap-southeast-2'] }));
    const { explicit, searches } = checkMetrics(body);
    expect(searches.filter((s) => s.includes('AWS/Bedrock,'))).toEqual([]);
    expect(explicit).toContainEqual(['AWS/Bedrock', 'InputTokenCount', 'ModelId', SONNET]);
    expect(explicit).toContainEqual(['AWS/Bedrock', 'InvocationClientErrors', 'ModelId', HAIKU]);
    expect(explicit.filter((e) => e.includes('ModelId'))).toHaveLength(12);
  });

  test('with the detections: their metrics, an SCP denial filter on their log group, and every residency alarm\'s state', () => {
    const { body, template, dashboard } = build((stack) => ({ inferenceRegionAlarm: withDetections(stack), regions: ['ap-southeast-2'] }));
    const { explicit } = checkMetrics(body);
    expect(explicit.filter((e) => e[0] === 'SovereignBedrock').map((e) => e[1])).toEqual([
      'CallsServedOutsideAllowedRegions', 'UnapprovedGlobalProfileCalls', ...Object.values(SURFACE_METRICS), 'BedrockCallsDeniedBySCP',
    ]);
    template.hasResourceProperties('AWS::Logs::MetricFilter', {
      LogGroupName: 'aws-controltower/CloudTrailLogs',
      FilterPattern: dashboard.scpDenialsFilterPattern,
      MetricTransformations: [{ MetricNamespace: 'SovereignBedrock', MetricName: 'BedrockCallsDeniedBySCP', MetricValue: '1' }],
    });
    const status = body.widgets.find((w) => w.type === 'alarm')!;
    const alarmIds = Object.keys(template.findResources('AWS::CloudWatch::Alarm'));
    expect(status.properties.alarms).toHaveLength(alarmIds.length);
    for (const id of alarmIds) expect(status.properties.alarms).toContain(`ATT_${id}_Arn`);
  });

  test('composes with AuBedrockPosture: its detections are found through posture.alarm', () => {
    const { body } = build((stack) => ({
      posture: new AuBedrockPosture(stack, 'Posture', {
        targetIds: ['ou-ab12-34cd56ef'],
        detection: { logGroup: logs.LogGroup.fromLogGroupName(stack, 'Trail', 'aws-controltower/CloudTrailLogs') },
      }),
    }));
    expect(body.widgets.some((w) => w.properties.title?.startsWith('Residency detections'))).toBe(true);
  });

  test('cross-account observability: every metric carries its source account; detections from another account carry theirs', () => {
    const app = new App();
    const audit = new Stack(app, 'Audit', { env: { account: '444455556666', region: 'ap-southeast-2' } });
    const detections = withDetections(audit);
    const monitoring = new Stack(app, 'Monitoring', { env: SYDNEY });
    new BedrockResidencyDashboard(monitoring, 'Dashboard', {
      sourceAccountIds: ['222233334444', '333344445555'], regions: ['ap-southeast-2'], inferenceRegionAlarm: detections,
    });
    const template = Template.fromStack(monitoring);
    const body = dashboardBody(template);
    checkMetrics(body);
    const invocations = body.widgets.find((w) => w.properties.title === 'Invocations by model, ap-southeast-2')!;
    expect(invocations.properties.metrics.map((l: any[]) => l[0].accountId)).toEqual(['222233334444', '333344445555']);
    const residency = body.widgets.find((w) => w.properties.title?.startsWith('Residency detections'))!;
    for (const line of residency.properties.metrics) expect(line[line.length - 1].accountId).toBe('444455556666');
    // The trail's log group is in the audit account: no metric filter is made here; and alarms with
    // CloudFormation-generated names in another account cannot be referenced, so no status widget either.
    template.resourceCountIs('AWS::Logs::MetricFilter', 0);
    expect(body.widgets.filter((w) => w.type === 'alarm')).toEqual([]);
  });

  test('probe metrics are drawn as given, or every metric of a namespace with SEARCH', () => {
    const probe = new cloudwatch.Metric({ namespace: 'SovereignBedrock/Probe', metricName: 'ProbeOutcome', dimensionsMap: { Path: 'global', Outcome: 'DENIED_BY_SCP' } });
    const given = build(() => ({ probeMetrics: [probe], regions: ['ap-southeast-2'] })).body;
    expect(given.widgets.find((w) => w.properties.title === 'Posture probe outcomes')!.properties.metrics)
      .toEqual([['SovereignBedrock/Probe', 'ProbeOutcome', 'Outcome', 'DENIED_BY_SCP', 'Path', 'global']]);
    const searched = build(() => ({ probeMetricNamespace: 'SovereignBedrock/Probe', regions: ['ap-southeast-2'] })).body;
    expect(searched.widgets.find((w) => w.properties.title === 'Posture probe outcomes')!.properties.metrics[0][0].expression)
      .toBe('SEARCH(\'Namespace="SovereignBedrock/Probe"\', \'Sum\', 300)');
    checkMetrics(searched);
  });

  test('a PostureProbe: per path the outcome the posture requires, the failed and inconclusive counts, and its alarms in the status widget', () => {
    let probe: PostureProbe | undefined;
    const { body } = build((stack) => {
      probe = new PostureProbe(stack, 'Probe');
      return { probe, regions: ['ap-southeast-2'] };
    });
    const lines = body.widgets.find((w) => w.properties.title === 'Posture probe outcomes')!.properties.metrics as unknown[][];
    const shown = lines.map((l) => l.filter((p) => typeof p === 'string').join(' '));
    // Must-work paths are drawn as REACHED, must-deny paths as DENIED_BY_SCP: the metrics the probe publishes.
    expect(shown).toEqual([
      ...probe!.pathNames.map((path) => {
        const expected = ['on-demand-in-origin', 'au-profile'].includes(path) ? 'REACHED' : 'DENIED_BY_SCP';
        return `SovereignBedrock/Probe ${PROBE_METRICS.PATH_OUTCOME} Outcome ${expected} Path ${path}`;
      }),
      `SovereignBedrock/Probe ${PROBE_METRICS.FAILED} Origin ap-southeast-2`,
      `SovereignBedrock/Probe ${PROBE_METRICS.INCONCLUSIVE} Origin ap-southeast-2`,
    ]);
    expect(probe!.pathNames).toEqual(expect.arrayContaining(['au-profile', 'global-profile', 'direct-us-east-1']));
    // Maximum over the probe's own period (a run a day): 1 in a period whose run gave that outcome.
    for (const line of lines) expect(line[line.length - 1]).toEqual(expect.objectContaining({ stat: 'Maximum', period: 86400 }));
    const alarms = body.widgets.find((w) => w.type === 'alarm')!.properties.alarms as unknown[];
    expect(alarms).toHaveLength(3);
  });

  test('a probe in another account: its lines carry that account and Region, its alarms stay out of the status widget', () => {
    const app = new App();
    const workload = new Stack(app, 'Workload', { env: { account: '444455556666', region: 'ap-southeast-4' } });
    const probe = new PostureProbe(workload, 'Probe', { originRegion: 'ap-southeast-4' });
    const stack = new Stack(app, 'Observe', { env: SYDNEY });
    new BedrockResidencyDashboard(stack, 'Dashboard', { probe, regions: ['ap-southeast-2'] });
    const body = dashboardBody(Template.fromStack(stack));
    const lines = body.widgets.find((w) => w.properties.title === 'Posture probe outcomes')!.properties.metrics as unknown[][];
    expect(lines).toHaveLength(probe.pathNames.length + 2);
    for (const line of lines) expect(line[line.length - 1]).toEqual(expect.objectContaining({ accountId: '444455556666', region: 'ap-southeast-4' }));
    expect(body.widgets.filter((w) => w.type === 'alarm')).toEqual([]);
  });

  test('a probe that is not a PostureProbe is refused, naming the prop', () => {
    expect(problems(() => build(() => ({ probe: 'arn:aws:lambda:ap-southeast-2:111122223333:function:probe' as any }))).map((p) => p.prop)).toEqual(['probe']);
  });

  describe('opt-in alarms', () => {
    test('throttles, client errors and tokens per model, on the residency alarms\' topic, shown in the status widget', () => {
      const { template, body, dashboard, stack } = build((s) => ({
        inferenceRegionAlarm: withDetections(s),
        modelIds: [SONNET],
        regions: ['ap-southeast-2'],
        throttleAlarmThreshold: 5,
        clientErrorAlarmThreshold: 10,
        tokenUsageAlarmThreshold: 1_000_000,
        alarmPeriod: Duration.minutes(15),
      }));
      expect([dashboard.throttleAlarms, dashboard.clientErrorAlarms, dashboard.tokenUsageAlarms].map((a) => a.length)).toEqual([1, 1, 1]);
      const topicRef = stack.resolve((stack.node.findChild('Residency') as InferenceRegionAlarm).topic.topicArn);
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: 'InvocationThrottles',
        Namespace: 'AWS/Bedrock',
        Dimensions: [{ Name: 'ModelId', Value: SONNET }],
        Threshold: 5,
        Period: 900,
        Statistic: 'Sum',
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        AlarmActions: [topicRef],
      });
      template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'InvocationClientErrors', Threshold: 10 });
      const tokens = Object.values(template.findResources('AWS::CloudWatch::Alarm')).find((a) => a.Properties.Metrics)!;
      expect(tokens.Properties.Metrics.map((m: any) => m.Expression ?? m.MetricStat.Metric.MetricName)).toEqual(['input + output', 'InputTokenCount', 'OutputTokenCount']);
      const status = body.widgets.find((w) => w.type === 'alarm')!;
      expect(status.properties.alarms).toHaveLength(6 + 3); // six detections (non-au. profiles are opt-in there), three usage alarms
    });

    test('refused without model IDs (alarms cannot evaluate SEARCH) or without a topic; every problem at once', () => {
      const p = problems(() => build(() => ({ throttleAlarmThreshold: 0, regions: ['ap-southest-2'], sourceAccountIds: ['1234'], period: Duration.seconds(90) })));
      expect(p.map((x) => x.prop)).toEqual(['regions[0]', 'sourceAccountIds[0]', 'period', 'throttleAlarmThreshold', 'modelIds', 'topic']);
      expect(p.find((x) => x.prop === 'modelIds')!.message).toMatch(/CloudWatch alarms cannot evaluate SEARCH expressions/);
    });

    test('a topic given directly works without detections; it is allowed to receive this account\'s alarms', () => {
      const { template } = build((s) => ({ modelIds: [SONNET], clientErrorAlarmThreshold: 3, topic: new sns.Topic(s, 'Ops') }));
      template.resourceCountIs('AWS::CloudWatch::Alarm', 1);
      const [policy] = Object.values(template.findResources('AWS::SNS::TopicPolicy'));
      expect(policy.Properties.PolicyDocument.Statement).toEqual([expect.objectContaining({
        Sid: 'AllowCloudWatchAlarmsToPublish',
        Principal: { Service: 'cloudwatch.amazonaws.com' },
        Action: 'sns:Publish',
        Condition: expect.objectContaining({ StringEquals: { 'aws:SourceAccount': '111122223333' } }),
      })]);
    });
  });
});
