import { Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { PostureAuditorFunction } from './posture-auditor-function';
import { AUDIT_METRICS } from '../core/audit/scheduled-audit';
import { validateAlarmSettings } from '../core/detect/validate-detection-input';
import { checkRegionsInGeography } from '../core/fail-open';
import { AUSTRALIA } from '../core/geography';
import { ACCOUNT_ID, OU_ID, ROOT_ID } from '../core/identifiers';
import { REQUIRED_PERMISSIONS } from '../core/organizations/organizations-api';
import { ValidationErrors } from '../core/validation-errors';
import { assertPropsObject, checkBoolean, checkList, checkObjectWith, checkRegions, checkString } from '../core/validators';
import { durationSeconds, rateSeconds } from '../private/alarm-settings';
import { LIBRARY_FUNCTION_NAG_REASONS, libraryFunctionIdentity, suppressNag } from '../private/library-function';
import { hasTokens, isToken, recheckAtSynth, resolvedForChecks, TokenSpec } from '../private/tokens';

/** A token Region is resolved at synth and checked, or refused (docs/refusals.md). */
const AUDITOR_TOKEN_SPEC: TokenSpec = { allowedRegions: { rule: 'literal', what: 'the Region code (ap-southeast-2)' } };

export interface PostureAuditorProps {
  /**
   * When to run the audit.
   * @default Schedule.rate(Duration.days(1))
   */
  readonly schedule?: events.Schedule;

  /**
   * What to audit: `r-...`, `ou-...` or an account ID.
   * @default - the whole organization
   */
  readonly target?: string;

  /**
   * Origin Regions the posture allows (as `allowedRegions` of the SCPs).
   * @default ['ap-southeast-2']
   */
  readonly allowedRegions?: string[];

  /**
   * CloudWatch namespace of the published metrics.
   * @default 'SovereignBedrock'
   */
  readonly metricNamespace?: string;

  /**
   * Period of the metrics and alarms: at least the schedule's interval, so that
   * every period holds one run (a period without a run raises the error alarm).
   * @default Duration.days(1)
   */
  readonly metricPeriod?: Duration;

  /**
   * Topic the alarms notify.
   * @default - alarms with no actions
   */
  readonly topic?: sns.ITopic;

  /**
   * Also publish one AWS Security Hub finding per audited account (ASFF, through
   * BatchImportFindings with this account's default product). Each run updates
   * the same findings: accounts not protected are active and failed, protected
   * ones are archived as passed. Security Hub must be enabled in this account and Region.
   * @default false
   */
  readonly securityHubFindings?: boolean;
}

/**
 * Runs the posture audit on a schedule in a Lambda function (deploy it to the
 * management account or a delegated administrator for Organizations policies)
 * and publishes, per run, the number of accounts not protected, protected, and
 * audit errors as CloudWatch metrics, with alarms on the first and last. The
 * table of verdicts goes to the function's log as evidence.
 */
export class PostureAuditor extends Construct {
  /** The function that runs the audit. */
  public readonly function: lambda.Function;
  /** The schedule rule. */
  public readonly rule: events.Rule;
  /** Accounts not protected (PARTIAL or UNPROTECTED) in the last run. */
  public readonly notProtectedMetric: cloudwatch.Metric;
  /** Fires when any account is not protected. */
  public readonly notProtectedAlarm: cloudwatch.Alarm;
  /** Fires when the audit could not read or evaluate everything, or did not run. */
  public readonly auditErrorAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: PostureAuditorProps = {}) {
    super(scope, id);
    assertPropsObject('PostureAuditor', this.node.path, props, 'optional settings (or no props at all)');
    const errors = new ValidationErrors();
    const view = resolvedForChecks(this, props, AUDITOR_TOKEN_SPEC, errors);
    const t = props.target;
    if (checkString('target', t, errors) && !isToken(t) && !(OU_ID.test(t!) || ROOT_ID.test(t!) || ACCOUNT_ID.test(t!))) {
      errors.add('target', `"${t}" is not a root (r-ab12), OU (ou-ab12-34cd56ef) or 12-digit account ID`);
    }
    checkRegions('allowedRegions', view.allowedRegions, errors, isToken);
    // An origin abroad here would let the audit call a posture that allows it PROTECTED.
    checkRegionsInGeography('allowedRegions', view.allowedRegions, AUSTRALIA, errors, isToken,
      'the audit would report a posture that allows Bedrock calls from it as protected');
    checkList('allowedRegions', props.allowedRegions, { allowEmpty: false, check: () => undefined, literalList: true }, errors, isToken);
    checkObjectWith('topic', props.topic, 'an SNS topic (ITopic: new sns.Topic(...) or sns.Topic.fromTopicArn(...)), not its ARN', ['topicArn'], errors);
    checkObjectWith('schedule', props.schedule, 'an events.Schedule (Schedule.rate(Duration.hours(6)))', ['expressionString'], errors);
    checkBoolean('securityHubFindings', props.securityHubFindings, errors);
    const periodSeconds = durationSeconds('metricPeriod', props.metricPeriod, errors);
    // The alarms evaluate one period.
    validateAlarmSettings({ metricNamespace: props.metricNamespace, periodSeconds }, errors, isToken, { period: 'metricPeriod' });
    const interval = rateSeconds(typeof props.schedule?.expressionString === 'string' ? props.schedule.expressionString : undefined);
    const period = periodSeconds ?? 86_400;
    if (interval !== undefined && interval > period) {
      errors.add(props.metricPeriod === undefined ? 'schedule' : 'metricPeriod',
        `the schedule runs every ${interval} seconds but metricPeriod is ${period} seconds: periods without a run would raise the error alarm. `
        + 'Make metricPeriod at least the schedule\'s interval');
    }
    errors.throwIfAny('PostureAuditor', this.node.path);
    if (hasTokens(props, AUDITOR_TOKEN_SPEC)) {
      recheckAtSynth(this, 'PostureAuditor', (e) => checkRegionsInGeography('allowedRegions', resolvedForChecks(this, props, AUDITOR_TOKEN_SPEC, e).allowedRegions,
        AUSTRALIA, e, isToken, 'the audit would report a posture that allows Bedrock calls from it as protected'));
    }

    const namespace = props.metricNamespace ?? 'SovereignBedrock';
    const dimension = props.target ?? 'organization';
    // Read-only Organizations access, metrics in this namespace only, and its own log group.
    const identity = libraryFunctionIdentity(this, 'Function', 'Audits the organization\'s Bedrock residency posture (cdk-sovereign-bedrock)', [
      new iam.PolicyStatement({
        sid: 'ReadOrganization',
        actions: [...new Set(Object.values(REQUIRED_PERMISSIONS))].sort(),
        resources: ['*'],
      }),
      new iam.PolicyStatement({
        sid: 'PublishAuditMetrics',
        actions: ['cloudwatch:PutMetricData'],
        resources: ['*'],
        conditions: { StringEquals: { 'cloudwatch:namespace': namespace } },
      }),
    ]);
    suppressNag(identity.policy, [{
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'Read-only AWS Organizations calls, listed one by one, whose ARNs embed the organization ID (unknown at synth); cloudwatch:PutMetricData has no resource type and is pinned to this namespace by condition.',
    }]);
    this.function = new PostureAuditorFunction(this, 'Function', {
      description: 'Audits the organization\'s Bedrock residency posture (cdk-sovereign-bedrock)',
      timeout: Duration.minutes(15),
      memorySize: 512,
      role: identity.role,
      logGroup: identity.logGroup,
      environment: {
        METRIC_NAMESPACE: namespace,
        AUDIT_TARGET: props.target ?? '',
        ALLOWED_REGIONS: (props.allowedRegions ?? ['ap-southeast-2']).join(','),
      },
    });
    suppressNag(this.function, LIBRARY_FUNCTION_NAG_REASONS);

    this.rule = new events.Rule(this, 'Schedule', {
      schedule: props.schedule ?? events.Schedule.rate(Duration.days(1)),
      targets: [new targets.LambdaFunction(this.function, { retryAttempts: 2 })],
    });

    const metric = (name: string) => new cloudwatch.Metric({
      namespace, metricName: name, dimensionsMap: { Target: dimension }, statistic: 'Maximum', period: props.metricPeriod ?? Duration.days(1),
    });
    this.notProtectedMetric = metric(AUDIT_METRICS.UNPROTECTED);
    this.notProtectedAlarm = this.notProtectedMetric.createAlarm(this, 'NotProtectedAlarm', {
      alarmDescription: 'Accounts whose SCPs do not keep Amazon Bedrock in Australia (see the PostureAuditor function log)',
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    // Missing data here means the audit did not run: that is an error too.
    this.auditErrorAlarm = metric(AUDIT_METRICS.ERRORS).createAlarm(this, 'AuditErrorAlarm', {
      alarmDescription: 'The Bedrock posture audit could not read or evaluate everything, or did not run',
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.BREACHING,
    });
    if (props.securityHubFindings) {
      const stack = Stack.of(this);
      const productArn = `arn:${stack.partition}:securityhub:${stack.region}:${stack.account}:product/${stack.account}/default`;
      this.function.addEnvironment('SECURITY_HUB_PRODUCT_ARN', productArn);
      this.function.addToRolePolicy(new iam.PolicyStatement({ actions: ['securityhub:BatchImportFindings'], resources: [productArn] }));
    }
    if (props.topic) {
      for (const alarm of [this.notProtectedAlarm, this.auditErrorAlarm]) alarm.addAlarmAction(new actions.SnsAction(props.topic));
    }
  }
}
