import { CfnResource, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct, IConstruct } from 'constructs';

/**
 * How long the library's functions keep their logs. The audit function's log is
 * evidence (the table of verdicts); a year covers an annual assessment.
 */
export const LIBRARY_LOG_RETENTION = logs.RetentionDays.ONE_YEAR;

/** The log group, role and customer managed policy of one Lambda function the library creates. */
export interface LibraryFunctionIdentity {
  readonly logGroup: logs.LogGroup;
  readonly role: iam.Role;
  readonly policy: iam.ManagedPolicy;
}

/**
 * A log group with a retention period, and a role whose only permissions are a
 * customer managed policy: writing to that log group, plus `statements`.
 *
 * Not `AWSLambdaBasicExecutionRole`, which lets a function create and write any
 * log group in the account; and not an inline policy, so the permissions can be
 * reviewed as one named policy.
 *
 * @see https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-loggroups.html
 * @see https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs.html#monitoring-cloudwatchlogs-prereqs
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html
 */
export function libraryFunctionIdentity(
  scope: Construct, id: string, description: string, statements: iam.PolicyStatement[] = [], roleName?: string,
): LibraryFunctionIdentity {
  const logGroup = new logs.LogGroup(scope, `${id}Logs`, {
    retention: LIBRARY_LOG_RETENTION,
    // Kept when the stack is deleted: the logs are the record of what the function did.
    removalPolicy: RemovalPolicy.RETAIN,
  });
  suppressNag(logGroup, [{
    id: 'NIST.800.53.R5-CloudWatchLogGroupEncrypted',
    reason: 'CloudWatch Logs encrypts log data at rest by default; the log holds the function\'s own progress and verdicts, not workload data, so a customer managed key per stack adds cost and no protection.',
  }]);
  const policy = new iam.ManagedPolicy(scope, `${id}Policy`, {
    description,
    statements: [
      new iam.PolicyStatement({
        sid: 'WriteOwnLogGroup',
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [logGroup.logGroupArn],
      }),
      ...statements,
    ],
  });
  const role = new iam.Role(scope, `${id}Role`, {
    description,
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    managedPolicies: [policy],
    roleName,
  });
  return { logGroup, role, policy };
}

/** A cdk-nag rule the library's resource cannot meet, and why. */
export interface NagSuppression {
  readonly id: string;
  readonly reason: string;
}

/**
 * Records why a library resource keeps a cdk-nag finding, in both forms cdk-nag reads:
 * the `cdk_nag` template metadata (`rules_to_suppress`, cdk-nag v2 and other readers of
 * the template) and CDK's own acknowledgements (`Validations.acknowledge`, cdk-nag v3).
 * The library does not depend on cdk-nag.
 */
export function suppressNag(construct: IConstruct, suppressions: NagSuppression[]): void {
  const resource = CfnResource.isCfnResource(construct) ? construct : construct.node.defaultChild;
  if (!CfnResource.isCfnResource(resource)) throw new Error(`no CloudFormation resource at ${construct.node.path}`);
  const existing = (resource.getMetadata('cdk_nag')?.rules_to_suppress ?? []) as NagSuppression[];
  const merged = [...existing.filter((e) => !suppressions.some((s) => s.id === e.id)), ...suppressions];
  resource.addMetadata('cdk_nag', { rules_to_suppress: merged.map(({ id, reason }) => ({ id, reason })) });
  for (const { id, reason } of suppressions) Validations.of(resource).acknowledge({ id, reason });
}

/**
 * AwsSolutions-L1 fires on every function whose runtime is not the newest the installed aws-cdk-lib
 * knows: found by the compatibility matrix (.ci/compat/run) on newer releases. Every library
 * function records why its runtime is pinned.
 */
export const PINNED_RUNTIME_NAG_REASON: NagSuppression = {
  id: 'AwsSolutions-L1',
  reason: 'The runtime is pinned (nodejs24.x for the library\'s handlers, supported by Lambda until April 2028: https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html; the provider framework\'s is chosen by aws-cdk-lib) so that one package deploys the same functions on every supported aws-cdk-lib release; it moves when the minimum aws-cdk-lib does.',
};

/**
 * NIST 800-53 R5 function rules that do not fit the library's functions, which
 * CloudFormation or a daily schedule invoke, that read only AWS Organizations and
 * hold no data.
 */
export const LIBRARY_FUNCTION_NAG_REASONS: NagSuppression[] = [
  PINNED_RUNTIME_NAG_REASON,
  {
    id: 'NIST.800.53.R5-LambdaInsideVPC',
    reason: 'The function calls only AWS APIs (Organizations, CloudWatch, the Bedrock control plane) and reaches no resource in a VPC; a VPC would need a NAT gateway or endpoints in the management account for nothing gained.',
  },
  {
    id: 'NIST.800.53.R5-LambdaConcurrency',
    reason: 'Invoked by CloudFormation or a daily schedule, one call at a time; reserving concurrency would take it from the account\'s pool (and fails on accounts with the minimum limit).',
  },
  {
    id: 'NIST.800.53.R5-LambdaDLQ',
    reason: 'Failures are not lost: CloudFormation receives the error of a custom resource call, and the audit alarms when a run errs or does not publish its metrics.',
  },
];
