import { readFileSync } from 'fs';
import { join } from 'path';
import { Duration, Names, Stack, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { evidenceBucket } from './evidence-bucket';
import { PostureProbeFunction } from './posture-probe-function';
import { SYDNEY_CATALOG } from '../core/catalog/sydney-catalog.generated';
import { validateAlarmSettings } from '../core/detect/validate-detection-input';
import { PRINCIPAL_ARN, PRINCIPAL_ARN_FORM } from '../core/identifiers';
import { checkRoleNotExempt } from '../core/probe/exempt-role';
import { NOT_PROBED, PROBE_ORIGINS, PROBE_SERVICES, probePaths, ProbeService } from '../core/probe/probe-paths';
import { probeStatements } from '../core/probe/probe-statements';
import { DEFAULT_PROBE_LIMITS } from '../core/probe/run-probe';
import { PROBE_METRICS, PROBE_OUTCOMES } from '../core/probe/scheduled-probe';
import { isKnownRegion } from '../core/regions';
import { ValidationErrors } from '../core/validation-errors';
import {
  assertPropsObject, checkList, checkObjectWith, checkRegions, checkString, describeType,
} from '../core/validators';
import { durationSeconds, rateSeconds } from '../private/alarm-settings';
import { libraryFunctionIdentity, NagSuppression, PINNED_RUNTIME_NAG_REASON, suppressNag } from '../private/library-function';
import { nagNotation } from '../private/nag-notation';
import { isToken, judgeToken } from '../private/tokens';

export interface PostureProbeProps {
  /**
   * When to run the probe. Each run sends one request per path (six with every
   * service), each asking for at most one output token.
   * @default Schedule.rate(Duration.days(1))
   */
  readonly schedule?: events.Schedule;

  /**
   * Origin Region of the probe's calls: one of the posture's own origins
   * (ap-southeast-2 or ap-southeast-4). The function itself may run anywhere.
   * @default 'ap-southeast-2'
   */
  readonly originRegion?: string;

  /**
   * Services probed: `bedrock` (the Bedrock Runtime paths) and `agentcore`.
   * @default - every service the probe knows
   */
  readonly services?: string[];

  /**
   * Model ID per path name, replacing the Sydney model catalog's choice
   * (`{ 'au-profile': 'au.anthropic.claude-sonnet-4-5-20250929-v1:0' }`).
   * Paths: `on-demand-in-origin`, `au-profile`, `apac-profile`, `global-profile`,
   * `direct-us-east-1`, `agentcore-us-east-1`.
   * @default - the catalog's cheapest model for each path
   */
  readonly models?: { [path: string]: string };

  /**
   * The posture's exempt principal patterns (`AuBedrockPosture.exemptPrincipalArns`).
   * The probe's role must not match any of them: an exempt role is never denied,
   * so the probe would prove nothing. A match is a synth-time error.
   * @default - none checked; the role is named `roleName` either way
   */
  readonly exemptPrincipalArns?: string[];

  /**
   * Name of the probe's role, checked against `exemptPrincipalArns`.
   * @default - `SovereignBedrockProbe-` and a name unique to this construct
   */
  readonly roleName?: string;

  /**
   * A bucket of yours for the dated JSON evidence record of each run
   * (`evidencePrefix/YYYY/MM/DD/<time>-<origin>.json`). Its retention is then
   * yours: give it a lifecycle rule (and Object Lock, if the records must be immutable).
   * @default - a bucket the construct creates: encrypted, TLS only, public access blocked, versioned, kept `evidenceRetention`
   */
  readonly evidenceBucket?: s3.IBucket;

  /**
   * How long the created evidence bucket keeps each record (ignored with `evidenceBucket`).
   * The default covers an annual assessment with a month to spare.
   * @default Duration.days(400)
   */
  readonly evidenceRetention?: Duration;

  /**
   * Key prefix of the evidence records.
   * @default 'posture-probe/'
   */
  readonly evidencePrefix?: string;

  /**
   * CloudWatch namespace of the metrics.
   * @default 'SovereignBedrock/Probe'
   */
  readonly metricNamespace?: string;

  /**
   * Period of the metrics and alarms: at least the schedule's interval.
   * @default Duration.days(1)
   */
  readonly metricPeriod?: Duration;

  /**
   * Topic the alarms notify (for example `AuBedrockPosture.alarm.topic`).
   * @default - alarms with no actions
   */
  readonly topic?: sns.ITopic;
}

const ROLE_PREFIX = 'SovereignBedrockProbe-';

/** NIST 800-53 R5 function rules that do not fit the probe, which a daily schedule invokes and which calls only AWS APIs. */
const PROBE_FUNCTION_NAG_REASONS: NagSuppression[] = [
  PINNED_RUNTIME_NAG_REASON,
  {
    id: 'NIST.800.53.R5-LambdaInsideVPC',
    reason: 'The probe calls only AWS APIs (Bedrock Runtime, AgentCore, CloudWatch, S3) and reaches no resource in a VPC; '
      + 'a VPC endpoint policy could itself deny a probed path and hide what the SCP decides.',
  },
  {
    id: 'NIST.800.53.R5-LambdaConcurrency',
    reason: 'Invoked by a daily schedule, one run at a time; reserving concurrency would take it from the account\'s pool (and fails on accounts with the minimum limit).',
  },
  {
    id: 'NIST.800.53.R5-LambdaDLQ',
    reason: 'A failed or missing run is not lost: the run error alarm counts failed invocations and the inconclusive alarm treats a period without the probe\'s metrics as breaching.',
  },
];

/**
 * The design's sandbox test, on a schedule, from inside an account under the
 * posture: one minimal request down each path (on-demand in the origin Region
 * and `au.` profiles must work; `apac.` and `global.` profiles and direct calls
 * in us-east-1 must be denied by the SCP), classified, published as one metric
 * per path and outcome, with an alarm when a path decides against the posture
 * and a dated JSON evidence record per run.
 *
 * The role's identity policy allows exactly the probed requests, so only the
 * posture can deny a must-deny path; the role must not be exempt from the posture.
 */
export class PostureProbe extends Construct {
  public readonly function: lambda.Function;
  public readonly role: iam.IRole;
  public readonly rule: events.Rule;
  /** Fires when a must-deny path was reached or a must-work path was denied by an SCP. */
  /** Where each run's evidence record is written. */
  public readonly evidenceBucket: s3.IBucket;
  public readonly failedAlarm: cloudwatch.Alarm;
  /** Fires when a path was inconclusive, or the probe did not run. */
  public readonly inconclusiveAlarm: cloudwatch.Alarm;
  /** Fires when a run failed (for example, the evidence record could not be written). */
  public readonly runErrorAlarm: cloudwatch.Alarm;
  /** The probed paths, in order. */
  public readonly pathNames: string[];
  /** The outcome each path must have, by path name: `REACHED` (a must-work path) or `DENIED_BY_SCP` (a must-deny path). */
  public readonly expectedOutcomes: { [path: string]: string };
  private readonly origin: string;
  private readonly namespace: string;
  private readonly period: Duration;

  constructor(scope: Construct, id: string, props: PostureProbeProps = {}) {
    super(scope, id);
    // No props means "all defaults"; null or a string is an untyped caller's mistake.
    assertPropsObject('PostureProbe', this.node.path, props, 'the probe\'s options (every prop is optional)');
    const errors = new ValidationErrors();
    const origin = props.originRegion ?? PROBE_ORIGINS[0];
    if (isToken(origin)) {errors.add('originRegion', 'must be known at synth time: the paths and the role\'s policy depend on it');} else if (checkString('originRegion', origin, errors)) {
      checkRegions('originRegion', [origin], errors);
      if (isKnownRegion(origin) && !PROBE_ORIGINS.includes(origin)) {
        errors.add('originRegion', `"${origin}" is not an origin of the Australian posture: use ${PROBE_ORIGINS.join(' or ')}`);
      }
    }
    // The services shape the role's policy: a literal list of literal names (a token name matches no service and is refused below).
    checkList('services', props.services, { allowEmpty: true, literalList: true, check: () => undefined }, errors, isToken);
    const services = Array.isArray(props.services) && !isToken(props.services) ? props.services : [...PROBE_SERVICES];
    services.forEach((s, i) => {
      if (typeof s !== 'string') return;
      if (NOT_PROBED.some((n) => n.surface === s)) errors.add(`services[${i}]`, `"${s}" cannot be probed: ${NOT_PROBED.find((n) => n.surface === s)!.reason}`);
      else if (!(PROBE_SERVICES as readonly string[]).includes(s)) errors.add(`services[${i}]`, `"${s}" is not one of ${PROBE_SERVICES.join(', ')}`);
    });
    if (services.length === 0) errors.add('services', `is empty. Give one or more of ${PROBE_SERVICES.join(', ')}`);
    const models: { [path: string]: string } = {};
    if (props.models !== undefined && props.models !== null && (typeof props.models !== 'object' || Array.isArray(props.models) || isToken(props.models))) {
      errors.add('models', `must be an object of model IDs by path name ({ 'au-profile': 'au.amazon.nova-micro-v1:0' }), got ${describeType(props.models)}`);
    } else {
      for (const [path, model] of Object.entries(props.models ?? {})) {
        if (typeof model !== 'string' || isToken(model) || !/^[A-Za-z0-9][\w.:/-]*$/.test(model)) {
          errors.add(`models.${path}`, `${typeof model === 'string' ? `"${model}"` : describeType(model)} is not a model or inference profile ID known at synth time (amazon.nova-micro-v1:0)`);
        } else {
          models[path] = model;
        }
      }
    }
    for (const [prop, what, members] of [
      ['schedule', 'an events.Schedule (Schedule.rate(Duration.days(1)))', ['expressionString', '_bind']],
      ['evidenceBucket', 'an S3 bucket (s3.IBucket), not its name', ['node', 'bucketName', 'bucketArn', 'arnForObjects']],
      ['topic', 'an SNS topic (sns.ITopic), not its ARN', ['node', 'topicArn']],
    ] as const) checkObjectWith(prop, props[prop], what, members, errors);
    // The prefix scopes the role's s3:PutObject: known at synth, without wildcards.
    if (isToken(props.evidencePrefix)) {
      errors.add('evidencePrefix', 'must be known at synth time: it scopes the probe role\'s s3:PutObject');
    } else if (checkString('evidencePrefix', props.evidencePrefix, errors) && !/^[^*?]{1,1024}$/.test(props.evidencePrefix!)) {
      errors.add('evidencePrefix', `"${props.evidencePrefix}" is not a key prefix without wildcards (1 to 1024 characters, no * or ?), like posture-probe/`);
    }
    const paths = probePaths(SYDNEY_CATALOG, {
      originRegion: origin,
      services: services.filter((s): s is ProbeService => (PROBE_SERVICES as readonly string[]).includes(s)),
      modelOverrides: models,
    }, errors, 'models');
    const roleName = props.roleName ?? `${ROLE_PREFIX}${Names.uniqueResourceName(this, { maxLength: 64 - ROLE_PREFIX.length, separator: '-' })}`;
    const stackOf = Stack.of(this);
    checkString('roleName', roleName, errors);
    checkList('exemptPrincipalArns', props.exemptPrincipalArns, {
      allowEmpty: true,
      literalList: true,
      check: (a) => (PRINCIPAL_ARN.test(a) ? undefined : `"${a}" is not a principal ARN pattern. Use ${PRINCIPAL_ARN_FORM} (the posture's exemptPrincipalArns)`),
    }, errors, isToken);
    // A token pattern that resolves at synth (Lazy, Fn.join of literals) is checked as its value; any other is refused by checkRoleNotExempt.
    const exempt = Array.isArray(props.exemptPrincipalArns) && !isToken(props.exemptPrincipalArns)
      ? props.exemptPrincipalArns.map((p) => {
        if (!isToken(p)) return p;
        const verdict = judgeToken(this, p, 'literal', 'the pattern');
        return verdict.kind === 'check' ? verdict.value : p;
      }).map((p) => (typeof p === 'string' ? p : '')) // wrong elements are refused above; '' keeps the indices
      : undefined;
    if (typeof roleName === 'string') {
      checkRoleNotExempt(roleName, exempt, {
        account: Token.isUnresolved(stackOf.account) ? undefined : stackOf.account,
        partition: Token.isUnresolved(stackOf.partition) ? undefined : stackOf.partition,
      }, errors, isToken);
    }
    const retentionSeconds = durationSeconds('evidenceRetention', props.evidenceRetention, errors);
    if (props.evidenceBucket && props.evidenceRetention !== undefined) {
      errors.add('evidenceRetention', 'applies only to the bucket the construct creates: set the retention of evidenceBucket on that bucket');
    }
    if (retentionSeconds !== undefined && (retentionSeconds < 86_400 || retentionSeconds % 86_400 !== 0)) {
      errors.add('evidenceRetention', `must be a whole number of days, at least one (Duration.days(400)), got ${retentionSeconds} seconds`);
    }
    const periodSeconds = durationSeconds('metricPeriod', props.metricPeriod, errors);
    validateAlarmSettings({ metricNamespace: props.metricNamespace, periodSeconds }, errors, isToken, { period: 'metricPeriod' });
    const interval = rateSeconds(props.schedule?.expressionString);
    const period = periodSeconds ?? 86_400;
    if (interval !== undefined && interval > period) {
      errors.add(props.metricPeriod === undefined ? 'schedule' : 'metricPeriod',
        `the schedule runs every ${interval} seconds but metricPeriod is ${period} seconds: periods without a run would raise the inconclusive alarm. `
        + 'Make metricPeriod at least the schedule\'s interval');
    }
    errors.throwIfAny('PostureProbe', this.node.path);

    const stack = Stack.of(this);
    this.namespace = props.metricNamespace ?? 'SovereignBedrock/Probe';
    this.period = props.metricPeriod ?? Duration.days(1);
    this.pathNames = paths.map((p) => p.name);
    this.expectedOutcomes = Object.fromEntries(paths.map((p) => [p.name, p.expect === 'ALLOWED' ? 'REACHED' : 'DENIED_BY_SCP']));
    this.origin = origin;
    const prefix = props.evidencePrefix ?? 'posture-probe/';
    const statements = probeStatements(paths, stack.account).map((s) => new iam.PolicyStatement({
      sid: s.Sid, actions: s.Action, resources: s.Resource, conditions: s.Condition,
    }));
    statements.push(new iam.PolicyStatement({
      sid: 'PublishProbeMetrics',
      actions: ['cloudwatch:PutMetricData'],
      resources: ['*'],
      conditions: { StringEquals: { 'cloudwatch:namespace': this.namespace } },
    }));
    const created = props.evidenceBucket ? undefined : evidenceBucket(this, props.evidenceRetention ?? Duration.days(400));
    this.evidenceBucket = props.evidenceBucket ?? created!.bucket;
    statements.push(new iam.PolicyStatement({
      sid: 'WriteEvidenceRecords', actions: ['s3:PutObject'], resources: [this.evidenceBucket.arnForObjects(`${prefix}*`)],
    }));
    if (created) {
      // SSE-KMS writes need a data key from the bucket's key (with the S3 Bucket Key, one per bucket and period).
      statements.push(new iam.PolicyStatement({
        sid: 'EncryptEvidenceRecords',
        actions: ['kms:GenerateDataKey'],
        resources: [created.key.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': `s3.${Stack.of(this).region}.amazonaws.com` } },
      }));
    }
    const description = 'Probes the Bedrock residency posture from inside the account (cdk-sovereign-bedrock)';
    const identity = libraryFunctionIdentity(this, 'Function', description, statements, roleName);
    // One suppression per wildcard resource, in cdk-nag's own notation, so any other wildcard is still reported.
    const reasons: Record<string, string> = {
      metrics: 'cloudwatch:PutMetricData has no resource type; the statement is pinned to the probe\'s namespace by the cloudwatch:namespace condition.',
      evidence: 'Each run writes one new, dated evidence object under the evidence prefix; the key is known only at run time.',
    };
    const wildcards = statements.flatMap((s) => {
      const json = stack.resolve(s.toStatementJson());
      const kind = json.Sid === 'PublishProbeMetrics' ? 'metrics' : 'evidence';
      return [json.Resource].flat().map(nagNotation).filter((r): r is string => r !== undefined && r.includes('*')).map((r) => ({ r, kind }));
    });
    suppressNag(identity.policy, [...new Map(wildcards.map((w) => [w.r, w])).values()]
      .map((w) => ({ id: `AwsSolutions-IAM5[Resource::${w.r}]`, reason: reasons[w.kind] })));
    this.role = identity.role;
    this.function = new PostureProbeFunction(this, 'Function', {
      description,
      // Every path in turn, each within its time limit, with room to publish.
      timeout: Duration.seconds(paths.length * DEFAULT_PROBE_LIMITS.timeoutMs / 1000 + 60),
      memorySize: 256,
      role: identity.role,
      logGroup: identity.logGroup,
      environment: {
        PROBE_PATHS: JSON.stringify(paths),
        ORIGIN_REGION: origin,
        METRIC_NAMESPACE: this.namespace,
        EVIDENCE_BUCKET: this.evidenceBucket.bucketName,
        EVIDENCE_PREFIX: prefix,
        TOOL_VERSION: libraryVersion(),
      },
    });
    suppressNag(this.function, PROBE_FUNCTION_NAG_REASONS);
    this.rule = new events.Rule(this, 'Schedule', {
      schedule: props.schedule ?? events.Schedule.rate(Duration.days(1)),
      // No retry: a failed run would send every request again; the inconclusive alarm reports a missing run.
      targets: [new targets.LambdaFunction(this.function, { retryAttempts: 0 })],
    });

    const summary = (name: string) => this.summaryMetric(name);
    this.failedAlarm = summary(PROBE_METRICS.FAILED).createAlarm(this, 'FailedAlarm', {
      alarmDescription: 'A Bedrock path decided against the residency posture: a must-deny path was reached or a must-work path was denied by an SCP (see the PostureProbe log)',
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    // Missing data means the probe did not run: nothing was proven that period.
    this.inconclusiveAlarm = summary(PROBE_METRICS.INCONCLUSIVE).createAlarm(this, 'InconclusiveAlarm', {
      alarmDescription: 'The Bedrock posture probe could not prove every path (throttling, validation, a denial not by an SCP), or did not run',
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.BREACHING,
    });
    // A run whose evidence could not be written publishes its metrics, then fails: Lambda's own error count shows it.
    this.runErrorAlarm = this.function.metricErrors({ period: this.period, statistic: 'Sum' }).createAlarm(this, 'RunErrorAlarm', {
      alarmDescription: 'A run of the Bedrock posture probe failed, for example its evidence record could not be written (see the PostureProbe log)',
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    if (props.topic) {
      for (const alarm of [this.failedAlarm, this.inconclusiveAlarm, this.runErrorAlarm]) alarm.addAlarmAction(new actions.SnsAction(props.topic));
    }
  }

  /** Paths of a run decided against the posture (`Maximum` over the period): what `failedAlarm` watches. */
  public metricPathsFailed(): cloudwatch.Metric {
    return this.summaryMetric(PROBE_METRICS.FAILED);
  }

  /** Paths of a run that proved neither way: what `inconclusiveAlarm` watches. */
  public metricPathsInconclusive(): cloudwatch.Metric {
    return this.summaryMetric(PROBE_METRICS.INCONCLUSIVE);
  }

  /** Paths of a run decided as the posture requires. */
  public metricPathsPassed(): cloudwatch.Metric {
    return this.summaryMetric(PROBE_METRICS.PASSED);
  }

  /**
   * The metric of one path and outcome: 1 in a period whose run had that
   * outcome, 0 otherwise (`Maximum` over the period).
   * @param path a path name, e.g. `apac-profile`
   * @param outcome `REACHED`, `DENIED_BY_SCP`, `DENIED_OTHER` or `INCONCLUSIVE`
   */
  public metricPathOutcome(path: string, outcome: string): cloudwatch.Metric {
    const errors = new ValidationErrors();
    if (checkString('path', path, errors) && !this.pathNames.includes(path)) errors.add('path', `"${path}" is not a probed path: one of ${this.pathNames.join(', ')}`);
    if (path === undefined || path === null) errors.add('path', `is required: one of ${this.pathNames.join(', ')}`);
    if (!(PROBE_OUTCOMES as readonly unknown[]).includes(outcome)) {
      errors.add('outcome', `${typeof outcome === 'string' ? `"${outcome}"` : describeType(outcome)} is not an outcome: one of ${PROBE_OUTCOMES.join(', ')}`);
    }
    errors.throwIfAny('PostureProbe.metricPathOutcome', this.node.path);
    return new cloudwatch.Metric({
      namespace: this.namespace,
      metricName: PROBE_METRICS.PATH_OUTCOME,
      dimensionsMap: { Path: path, Outcome: outcome },
      statistic: 'Maximum',
      period: this.period,
    });
  }

  private summaryMetric(name: string): cloudwatch.Metric {
    return new cloudwatch.Metric({
      namespace: this.namespace, metricName: name, dimensionsMap: { Origin: this.origin }, statistic: 'Maximum', period: this.period,
    });
  }
}

/** The installed package's version, recorded in every evidence record (src/probe and lib/probe are two levels below package.json). */
function libraryVersion(): string {
  return JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')).version;
}
