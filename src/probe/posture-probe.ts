import { readFileSync } from 'fs';
import { join } from 'path';
import { Duration, Names, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { PostureProbeFunction } from './posture-probe-function';
import { SYDNEY_CATALOG } from '../core/catalog/sydney-catalog.generated';
import { validateAlarmSettings } from '../core/detect/validate-detection-input';
import { wildcardMatch } from '../core/evaluate/wildcard';
import { NOT_PROBED, PROBE_ORIGINS, PROBE_SERVICES, probePaths, ProbeService } from '../core/probe/probe-paths';
import { probeStatements } from '../core/probe/probe-statements';
import { DEFAULT_PROBE_LIMITS } from '../core/probe/run-probe';
import { PROBE_METRICS } from '../core/probe/scheduled-probe';
import { isKnownRegion } from '../core/regions';
import { ValidationErrors } from '../core/validation-errors';
import { checkRegions } from '../core/validators';
import { durationSeconds, rateSeconds } from '../private/alarm-settings';
import { libraryFunctionIdentity, NagSuppression, suppressNag } from '../private/library-function';
import { isToken } from '../private/tokens';

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
  private readonly namespace: string;
  private readonly period: Duration;

  constructor(scope: Construct, id: string, props: PostureProbeProps = {}) {
    super(scope, id);
    const errors = new ValidationErrors();
    const origin = props.originRegion ?? PROBE_ORIGINS[0];
    if (isToken(origin)) {errors.add('originRegion', 'must be known at synth time: the paths and the role\'s policy depend on it');} else {
      checkRegions('originRegion', [origin], errors);
      if (isKnownRegion(origin) && !PROBE_ORIGINS.includes(origin)) {
        errors.add('originRegion', `"${origin}" is not an origin of the Australian posture: use ${PROBE_ORIGINS.join(' or ')}`);
      }
    }
    const services = (props.services ?? [...PROBE_SERVICES]);
    services.forEach((s, i) => {
      if (NOT_PROBED.some((n) => n.surface === s)) errors.add(`services[${i}]`, `"${s}" cannot be probed: ${NOT_PROBED.find((n) => n.surface === s)!.reason}`);
      else if (!(PROBE_SERVICES as readonly string[]).includes(s)) errors.add(`services[${i}]`, `"${s}" is not one of ${PROBE_SERVICES.join(', ')}`);
    });
    if (services.length === 0) errors.add('services', `is empty. Give one or more of ${PROBE_SERVICES.join(', ')}`);
    for (const [path, model] of Object.entries(props.models ?? {})) {
      if (isToken(model) || !/^[A-Za-z0-9][\w.:/-]*$/.test(model)) errors.add(`models.${path}`, `"${model}" is not a model or inference profile ID known at synth time (amazon.nova-micro-v1:0)`);
    }
    const paths = probePaths(SYDNEY_CATALOG, {
      originRegion: origin,
      services: services.filter((s): s is ProbeService => (PROBE_SERVICES as readonly string[]).includes(s)),
      modelOverrides: props.models,
    }, errors, 'models');
    const roleName = props.roleName ?? `${ROLE_PREFIX}${Names.uniqueResourceName(this, { maxLength: 64 - ROLE_PREFIX.length, separator: '-' })}`;
    checkRoleNotExempt(roleName, props.exemptPrincipalArns, Stack.of(this), errors);
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

    const summary = (name: string) => new cloudwatch.Metric({
      namespace: this.namespace, metricName: name, dimensionsMap: { Origin: origin }, statistic: 'Maximum', period: this.period,
    });
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

  /**
   * The metric of one path and outcome: 1 in a period whose run had that
   * outcome, 0 otherwise (`Maximum` over the period).
   * @param path a path name, e.g. `apac-profile`
   * @param outcome `REACHED`, `DENIED_BY_SCP`, `DENIED_OTHER` or `INCONCLUSIVE`
   */
  public metricPathOutcome(path: string, outcome: string): cloudwatch.Metric {
    return new cloudwatch.Metric({
      namespace: this.namespace,
      metricName: PROBE_METRICS.PATH_OUTCOME,
      dimensionsMap: { Path: path, Outcome: outcome },
      statistic: 'Maximum',
      period: this.period,
    });
  }
}

/**
 * The evidence bucket when the user gives none: encrypted with a customer
 * managed key that rotates yearly, TLS only, every public access blocked,
 * objects owned by the bucket owner, versioned, each record locked in
 * governance mode and expired after the retention (Object Lock: a record
 * cannot be changed or deleted early without the bypass permission), object
 * events sent to EventBridge, and kept when the stack is deleted.
 *
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock.html
 */
function evidenceBucket(scope: Construct, retention: Duration): { bucket: s3.Bucket; key: kms.Key } {
  const key = new kms.Key(scope, 'EvidenceKey', {
    description: 'Encrypts the evidence records of the Bedrock residency posture probe',
    enableKeyRotation: true,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  // Grants only for AWS services acting on AWS resources (the Control Tower proactive control CT.KMS.PR.3).
  key.addToResourcePolicy(new iam.PolicyStatement({
    sid: 'DenyGrantsExceptForAwsServices',
    effect: iam.Effect.DENY,
    principals: [new iam.AnyPrincipal()],
    actions: ['kms:CreateGrant'],
    resources: ['*'],
    conditions: { BoolIfExists: { 'kms:GrantIsForAWSResource': 'false', 'aws:PrincipalIsAWSService': 'false' } },
  }));
  const bucket = new s3.Bucket(scope, 'EvidenceBucket', {
    encryption: s3.BucketEncryption.KMS,
    encryptionKey: key,
    bucketKeyEnabled: true,
    enforceSSL: true,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    versioned: true,
    objectLockEnabled: true,
    objectLockDefaultRetention: s3.ObjectLockRetention.governance(retention),
    lifecycleRules: [{ expiration: retention, noncurrentVersionExpiration: retention }],
    removalPolicy: RemovalPolicy.RETAIN,
  });
  // Object events to EventBridge (a Control Tower proactive control asks for event notifications), set on the bucket itself: `eventBridgeEnabled` would add a
  // custom resource with a Lambda function for what CloudFormation supports natively.
  (bucket.node.defaultChild as s3.CfnBucket).notificationConfiguration = { eventBridgeConfiguration: { eventBridgeEnabled: true } };
  suppressNag(bucket, [
    {
      id: 'AwsSolutions-S1',
      reason: 'One role writes one new record a run and nothing reads it but reviewers; object-level access is recorded by CloudTrail S3 data events where the trail logs them. '
        + 'A server access log bucket would need its own log bucket, and access logs cannot be encrypted with the customer managed key.',
    },
    {
      id: 'NIST.800.53.R5-S3BucketLoggingEnabled',
      reason: 'Object-level access is recorded by CloudTrail S3 data events where the trail logs them; a server access log bucket would need its own log bucket.',
    },
    {
      id: 'NIST.800.53.R5-S3BucketReplicationEnabled',
      reason: 'Replication would copy residency evidence to another Region, which may be outside Australia: a choice for the user (give evidenceBucket). '
        + 'The records are locked, versioned and regenerated by every run.',
    },
  ]);
  return { bucket, key };
}

/**
 * A resolved resource as cdk-nag names it in a finding (`<Logical.Arn>/prefix/*`),
 * or undefined for a shape it is not worth naming.
 */
function nagNotation(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, any>;
  if (typeof v.Ref === 'string') return `<${v.Ref}>`;
  if (Array.isArray(v['Fn::GetAtt'])) return `<${v['Fn::GetAtt'].join('.')}>`;
  if (Array.isArray(v['Fn::Join']) && v['Fn::Join'][0] === '') {
    const parts = (v['Fn::Join'][1] as unknown[]).map(nagNotation);
    return parts.every((p) => p !== undefined) ? parts.join('') : undefined;
  }
  return undefined;
}

/** The installed package's version, recorded in every evidence record (src/probe and lib/probe are two levels below package.json). */
function libraryVersion(): string {
  return JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')).version;
}

/**
 * Refuses exempt patterns that match the probe's role: `aws:PrincipalArn` of a
 * role session is the role's ARN. An account or partition not known at synth
 * time is assumed to match (fail closed); a pattern not known at synth time cannot be judged.
 */
function checkRoleNotExempt(roleName: string, patterns: readonly string[] | undefined, stack: Stack, errors: ValidationErrors): void {
  if (isToken(roleName)) {
    errors.add('roleName', 'must be known at synth time: it is checked against exemptPrincipalArns');
    return;
  }
  if (!/^[\w+=,.@-]{1,64}$/.test(roleName)) errors.add('roleName', `"${roleName}" is not an IAM role name (up to 64 of A-Z a-z 0-9 + = , . @ _ -)`);
  const account = Token.isUnresolved(stack.account) ? undefined : stack.account;
  const partition = Token.isUnresolved(stack.partition) ? undefined : stack.partition;
  (patterns ?? []).forEach((pattern, i) => {
    if (isToken(pattern)) {
      errors.add(`exemptPrincipalArns[${i}]`, 'is not known at synth time, so the probe cannot check that its role is not exempt. Pass the posture\'s patterns as strings');
      return;
    }
    const parts = pattern.split(':');
    if (parts.length < 6 || parts[0] !== 'arn') return;
    const [, p, service, , acct] = parts;
    const resource = parts.slice(5).join(':');
    const matches = (partition === undefined || wildcardMatch(p, partition))
      && wildcardMatch(service, 'iam')
      && (account === undefined || wildcardMatch(acct, account))
      && wildcardMatch(resource, `role/${roleName}`);
    if (matches) {
      errors.add(`exemptPrincipalArns[${i}]`, `"${pattern}" matches the probe's role ${roleName}: an exempt role is never denied by the posture, so the probe would prove nothing. `
        + 'Give the probe a roleName that no exempt pattern matches');
    }
  });
}
