import { ArnFormat, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { denyGrantsExceptForAwsServices } from '../private/kms-grants';

// The services that publish detections are CloudWatch alarms and EventBridge rules. Both service principals are scoped to this account's alarms and rules
// (aws:SourceAccount, aws:SourceArn) in the topic policy, and CloudWatch in the
// key policy too: https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services

/**
 * A topic for the detections, encrypted with a customer managed key.
 *
 * Not the AWS managed key `alias/aws/sns`: its key policy cannot be edited, and
 * it does not let CloudWatch alarms or EventBridge call kms:GenerateDataKey and
 * kms:Decrypt, so every notification would fail silently (AWS re:Post knowledge
 * center, "cloudwatch-configure-alarm-sns"). The key rotates yearly.
 */
export function createEncryptedTopic(scope: Construct, id: string): { topic: sns.Topic; key: kms.Key } {
  const stack = Stack.of(scope);
  const key = new kms.Key(scope, `${id}Key`, {
    description: 'Encrypts the SNS topic of the Bedrock residency detective controls',
    enableKeyRotation: true,
  });
  // CloudWatch may use the key only for this account's alarms (confused deputy).
  key.addToResourcePolicy(new iam.PolicyStatement({
    sid: 'AllowCloudWatchAlarmsOfThisAccount',
    principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
    actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
    resources: ['*'],
    conditions: {
      StringEquals: { 'aws:SourceAccount': stack.account },
      ArnLike: { 'aws:SourceArn': alarmArns(stack) },
    },
  }));
  // EventBridge: the topic policy scopes publishing to this account's rules
  // (allowRulesToPublish). The key grant carries no aws:SourceArn or
  // aws:SourceAccount condition because EventBridge's deliveries to an
  // encrypted topic are not documented to carry them into the KMS request, and
  // a condition on an absent key would drop every notification silently. The
  // key encrypts only this topic's messages, and publishing needs the topic policy first.
  key.addToResourcePolicy(new iam.PolicyStatement({
    sid: 'AllowEventBridgeToEncryptForTheTopic',
    principals: [new iam.ServicePrincipal('events.amazonaws.com')],
    actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
    resources: ['*'],
  }));
  denyGrantsExceptForAwsServices(key);
  const topic = new sns.Topic(scope, id, {
    displayName: 'Bedrock calls served outside the allowed Regions',
    masterKey: key,
    enforceSSL: true,
  });
  return { topic, key };
}

/** `arn:aws:cloudwatch:REGION:ACCOUNT:alarm:*`: this account's alarms in this stack's Region. */
function alarmArns(stack: Stack): string {
  return stack.formatArn({ service: 'cloudwatch', resource: 'alarm', resourceName: '*', arnFormat: ArnFormat.COLON_RESOURCE_NAME });
}

/**
 * Lets this account's EventBridge rules publish, scoped like the alarms'
 * statement (aws:SourceAccount and aws:SourceArn) against the confused-deputy
 * problem. Returns false for an imported topic, whose policy cannot be changed here.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-resource-based.html#eb-sns-permissions
 */
export function allowRulesToPublish(scope: Construct, topic: sns.ITopic): boolean {
  const stack = Stack.of(scope);
  return topic.addToResourcePolicy(new iam.PolicyStatement({
    sid: 'AllowEventBridgeRulesToPublish',
    principals: [new iam.ServicePrincipal('events.amazonaws.com')],
    actions: ['sns:Publish'],
    resources: [topic.topicArn],
    conditions: {
      StringEquals: { 'aws:SourceAccount': stack.account },
      ArnLike: { 'aws:SourceArn': stack.formatArn({ service: 'events', resource: 'rule', resourceName: '*' }) },
    },
  })).statementAdded;
}

/**
 * Lets this account's CloudWatch alarms publish. A topic policy, once one
 * exists (the EventBridge target adds one), replaces SNS's default owner-only
 * policy, so the alarms need their own statement. Scoped to this account's
 * alarms against the confused-deputy problem. Returns false for an imported
 * topic, whose policy cannot be changed from here.
 */
export function allowAlarmsToPublish(scope: Construct, topic: sns.ITopic): boolean {
  const stack = Stack.of(scope);
  const alarms = alarmArns(stack);
  return topic.addToResourcePolicy(new iam.PolicyStatement({
    sid: 'AllowCloudWatchAlarmsToPublish',
    principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
    actions: ['sns:Publish'],
    resources: [topic.topicArn],
    conditions: {
      StringEquals: { 'aws:SourceAccount': stack.account },
      ArnLike: { 'aws:SourceArn': alarms },
    },
  })).statementAdded;
}
