import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as events from 'aws-cdk-lib/aws-events';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { EventPatternJson } from '../core/detect/event-patterns';

/** How every signal's alarm and rule are wired; resolved once by the construct. */
export interface SignalWiring {
  readonly logGroup: logs.ILogGroup;
  readonly topic: sns.ITopic;
  readonly metricNamespace: string;
  readonly threshold: number;
  readonly period: Duration;
  readonly evaluationPeriods: number;
  readonly datapointsToAlarm: number;
  readonly notifyOnOk: boolean;
}

/** One detection: a metric filter and its alarm, and optionally a near-real-time rule. */
export interface SignalSpec {
  readonly metricName: string;
  readonly filterPattern: string;
  readonly alarmDescription: string;
  /** Saved Logs Insights query listing the matching calls. */
  readonly insightsQuery: string;
  readonly eventPattern?: EventPatternJson;
  readonly ruleDescription: string;
  /** First words of the rule's notification. */
  readonly headline: string;
}

export interface Signal {
  readonly metricFilter: logs.MetricFilter;
  readonly alarm: cloudwatch.Alarm;
  readonly rule?: events.Rule;
}

/**
 * CloudTrail events reach EventBridge rules only in a state that includes them:
 * EventBridge holds back read-only management events unless the rule asks for
 * all of them. The pattern admits only Bedrock events, so this adds no volume.
 */
const RULE_STATE = 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS';

export function createSignal(scope: Construct, id: string, spec: SignalSpec, wiring: SignalWiring): Signal {
  const metricFilter = new logs.MetricFilter(scope, `${id}Filter`, {
    logGroup: wiring.logGroup,
    filterPattern: logs.FilterPattern.literal(spec.filterPattern),
    metricNamespace: wiring.metricNamespace,
    metricName: spec.metricName,
    metricValue: '1',
  });

  const alarm = metricFilter.metric({ statistic: cloudwatch.Stats.SUM, period: wiring.period }).createAlarm(scope, `${id}Alarm`, {
    alarmDescription: spec.alarmDescription,
    threshold: wiring.threshold,
    evaluationPeriods: wiring.evaluationPeriods,
    datapointsToAlarm: wiring.datapointsToAlarm,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    // No matching call in a period publishes no datapoint: that is the good case.
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });
  const notify = new actions.SnsAction(wiring.topic);
  alarm.addAlarmAction(notify);
  if (wiring.notifyOnOk) alarm.addOkAction(notify);

  new logs.CfnQueryDefinition(scope, `${id}Query`, {
    name: `${wiring.metricNamespace}/${spec.metricName}`,
    queryString: spec.insightsQuery,
    logGroupNames: [wiring.logGroup.logGroupName],
  });

  let rule: events.Rule | undefined;
  if (spec.eventPattern) {
    rule = new events.Rule(scope, `${id}Rule`, {
      description: spec.ruleDescription,
      eventPattern: {
        source: spec.eventPattern.source,
        detailType: spec.eventPattern['detail-type'],
        detail: spec.eventPattern.detail,
      },
    });
    (rule.node.defaultChild as events.CfnRule).state = RULE_STATE;
    rule.addTarget(new ScopedTopicTarget(wiring.topic, readableMessage(spec.headline)));
  }
  return { metricFilter, alarm, rule };
}

/**
 * An SNS target that, unlike `targets.SnsTopic`, adds no unconditioned
 * `events.amazonaws.com` statement to the topic policy: the construct adds one
 * scoped to this account's rules (`allowRulesToPublish`).
 */
class ScopedTopicTarget implements events.IRuleTarget {
  constructor(private readonly topic: sns.ITopic, private readonly message: events.RuleTargetInput) {}

  public bind(): events.RuleTargetConfig {
    return { arn: this.topic.topicArn, input: this.message, targetResource: this.topic };
  }
}

function readableMessage(headline: string): events.RuleTargetInput {
  const f = (path: string) => events.EventField.fromPath(path);
  return events.RuleTargetInput.fromText(
    `${headline}: ${f('$.detail.eventName')} of ${f('$.detail.requestParameters.modelId')}`
    + ` by ${f('$.detail.userIdentity.arn')} in account ${f('$.detail.recipientAccountId')},`
    + ` called in ${f('$.detail.awsRegion')}, served in ${f('$.detail.additionalEventData.inferenceRegion')},`
    + ` at ${f('$.detail.eventTime')} (event ${f('$.detail.eventID')}).`,
  );
}
