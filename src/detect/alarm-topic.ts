import { ArnFormat, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

/** The services that publish detections: CloudWatch alarms and EventBridge rules. */
export const PUBLISHERS = ['cloudwatch.amazonaws.com', 'events.amazonaws.com'];

/**
 * A topic for the detections, encrypted with a customer managed key.
 *
 * Not the AWS managed key `alias/aws/sns`: its key policy cannot be edited, and
 * it does not let CloudWatch alarms or EventBridge call kms:GenerateDataKey and
 * kms:Decrypt, so every notification would fail silently (AWS re:Post knowledge
 * center, "cloudwatch-configure-alarm-sns"). The key rotates yearly.
 */
export function createEncryptedTopic(scope: Construct, id: string): { topic: sns.Topic; key: kms.Key } {
  const key = new kms.Key(scope, `${id}Key`, {
    description: 'Encrypts the SNS topic of the Bedrock residency detective controls',
    enableKeyRotation: true,
  });
  for (const service of PUBLISHERS) {
    key.grant(new iam.ServicePrincipal(service), 'kms:Decrypt', 'kms:GenerateDataKey*');
  }
  // Grants only for AWS services acting on AWS resources (the Control Tower proactive
  // control CT.KMS.PR.3): SNS encrypts with GenerateDataKey and Decrypt, never a grant.
  // https://docs.aws.amazon.com/kms/latest/developerguide/grant-authorization.html
  key.addToResourcePolicy(new iam.PolicyStatement({
    sid: 'DenyGrantsExceptForAwsServices',
    effect: iam.Effect.DENY,
    principals: [new iam.AnyPrincipal()],
    actions: ['kms:CreateGrant'],
    resources: ['*'],
    conditions: { BoolIfExists: { 'kms:GrantIsForAWSResource': 'false', 'aws:PrincipalIsAWSService': 'false' } },
  }));
  const topic = new sns.Topic(scope, id, {
    displayName: 'Bedrock calls served outside the allowed Regions',
    masterKey: key,
    enforceSSL: true,
  });
  return { topic, key };
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
  const alarms = stack.formatArn({
    service: 'cloudwatch', resource: 'alarm', resourceName: '*', arnFormat: ArnFormat.COLON_RESOURCE_NAME,
  });
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
