import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';

/**
 * Lets only AWS services acting on AWS resources create grants on a library key: the Control
 * Tower proactive control CT.KMS.PR.3. The services that use the library's keys (SNS, CloudWatch,
 * Bedrock, S3) encrypt with GenerateDataKey and Decrypt, never through a grant a person made.
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/grant-authorization.html
 */
export function denyGrantsExceptForAwsServices(key: kms.Key): void {
  key.addToResourcePolicy(new iam.PolicyStatement({
    sid: 'DenyGrantsExceptForAwsServices',
    effect: iam.Effect.DENY,
    principals: [new iam.AnyPrincipal()],
    actions: ['kms:CreateGrant'],
    resources: ['*'],
    conditions: { BoolIfExists: { 'kms:GrantIsForAWSResource': 'false', 'aws:PrincipalIsAWSService': 'false' } },
  }));
}
