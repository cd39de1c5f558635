import { Annotations, ArnFormat, CustomResource, Duration, Names, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct, IConstruct } from 'constructs';
import { BedrockInvocationLoggingProps, InvocationLogDestination } from './bedrock-invocation-logging-props';
import { InvocationLoggingFunction } from './invocation-logging-function';
import { ALLOWED_REGIONS_PROPERTY, LOGGING_CONFIG_PROPERTY, LoggingConfig, PREVIOUS_CONFIG_ATTRIBUTE } from '../core/deploy/invocation-logging-handler';
import { AUSTRALIA } from '../core/geography';
import { ValidationErrors } from '../core/validation-errors';
import { assertPropsObject, checkBoolean, checkEnum, checkObjectWith } from '../core/validators';
import { sharedProvider } from '../deploy/shared-provider';
import { denyGrantsExceptForAwsServices } from '../private/kms-grants';
import { suppressNag } from '../private/library-function';

/** The log stream Bedrock writes to, per the role policy AWS documents. */
const LOG_STREAM = 'aws/bedrock/modelinvocations';
/** One configuration per account and Region: the construct that owns it in each stack. */
const OWNER_BY_STACK = new WeakMap<Stack, string>();

/**
 * Turns on Amazon Bedrock model invocation logging for the account and Region
 * the stack deploys to, with destinations in that same Region: a CloudWatch
 * Logs log group and/or an S3 bucket, encrypted with a customer managed key,
 * kept for the `retention` you choose. The records hold the full request and
 * response bodies (prompts and outputs), so where they land is itself a residency
 * question: a stack Region, or a destination, outside Australia (ap-southeast-2,
 * ap-southeast-4) is refused at synth time, and the deploy-time handler refuses
 * again in any other Region.
 *
 * There is no CloudFormation resource for the setting, so a custom resource
 * (`Custom::BedrockInvocationLogging`, on one shared function per stack) calls
 * Get/Put/DeleteModelInvocationLoggingConfiguration: on create it keeps the
 * configuration already in force and sets this one; on delete it restores the
 * previous configuration (or deletes it when there was none), unless someone
 * changed it in the meantime.
 *
 * What the logs do **not** record (AWS documentation, December 2026): only
 * Converse, ConverseStream, InvokeModel and InvokeModelWithResponseStream calls
 * made through the `bedrock-runtime` endpoint are logged; calls through other
 * endpoints, such as the `bedrock-mantle` endpoint (OpenAI- and
 * Anthropic-compatible APIs), are not captured. CloudTrail is the record of
 * those calls (a `bedrock-mantle.amazonaws.com` data event). Whether agents,
 * flows, knowledge bases and batch jobs write records here is not documented.
 * The setting is per account and per Region: each Region your teams call needs its own.
 *
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/model-invocation-logging.html
 *
 * @example
 * new BedrockInvocationLogging(this, 'InvocationLogs', { retention: logs.RetentionDays.THREE_MONTHS });
 */
export class BedrockInvocationLogging extends Construct {
  /** CloudFormation type of the custom resource. */
  public static readonly RESOURCE_TYPE = 'Custom::BedrockInvocationLogging';

  /**
   * The provider every `BedrockInvocationLogging` in the scope's stack uses: one
   * function, allowed only the three Bedrock logging calls, and passing roles
   * to Bedrock.
   */
  public static provider(scope: Construct): cr.Provider {
    return sharedProvider(scope, {
      id: 'CdkSovereignBedrockInvocationLoggingProvider',
      description: 'cdk-sovereign-bedrock: sets Bedrock model invocation logging and restores the previous setting on delete',
      createHandler: (s, id, options) => new InvocationLoggingFunction(s, id, options),
      statements: [
        new iam.PolicyStatement({
          sid: 'ConfigureInvocationLogging',
          actions: ['bedrock:GetModelInvocationLoggingConfiguration', 'bedrock:PutModelInvocationLoggingConfiguration', 'bedrock:DeleteModelInvocationLoggingConfiguration'],
          // The Service Authorization Reference lists no resource type for these actions.
          resources: ['*'],
        }),
        new iam.PolicyStatement({
          sid: 'PassLoggingRolesToBedrock',
          actions: ['iam:PassRole'],
          // The role of the configuration in force before, put back on delete, is unknown at synth.
          // (A role ARN in a cdk-nag acknowledgement ID is refused by CDK: "::" is reserved there.)
          resources: ['*'],
          conditions: { StringEquals: { 'iam:PassedToService': 'bedrock.amazonaws.com' } },
        }),
      ],
      statementNagSuppressions: [{
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'Get/Put/DeleteModelInvocationLoggingConfiguration have no resource type in the Service Authorization Reference (the setting is one per account and Region); '
          + 'iam:PassRole is only to bedrock.amazonaws.com (iam:PassedToService), for this account\'s roles, because restoring the configuration that was in force before passes its role, unknown at synth.',
      }],
    });
  }

  /** The log group, when logs go to CloudWatch Logs. */
  public readonly logGroup?: logs.ILogGroup;
  /** The bucket, when logs (or large bodies) go to S3. */
  public readonly bucket?: s3.IBucket;
  /** The key of the created destinations (undefined when you gave both destinations). */
  public readonly encryptionKey?: kms.IKey;
  /** The role Bedrock assumes to write to CloudWatch Logs. */
  public readonly cloudWatchRole?: iam.Role;
  /** The configuration this construct sets, as the JSON `loggingConfig` of PutModelInvocationLoggingConfiguration (a deploy-time value). */
  public readonly loggingConfigJson: string;
  /** The configuration in force before this stack set it, as JSON (`{}` when logging was off): a deploy-time value. */
  public readonly previousConfiguration: string;

  constructor(scope: Construct, id: string, props: BedrockInvocationLoggingProps) {
    super(scope, id);
    assertPropsObject('BedrockInvocationLogging', this.node.path, props, 'retention');
    const stack = Stack.of(this);
    const errors = new ValidationErrors();
    const destination = checkProps(this, stack, props, errors);
    errors.throwIfAny('BedrockInvocationLogging', this.node.path);
    OWNER_BY_STACK.set(stack, this.node.path);

    const toLogs = destination !== InvocationLogDestination.S3;
    const toS3 = destination !== InvocationLogDestination.CLOUDWATCH_LOGS;
    const needsKey = (toLogs && !props.logGroup) || (toS3 && !props.bucket);
    this.encryptionKey = needsKey ? (props.encryptionKey ?? new kms.Key(this, 'Key', {
      description: 'Encrypts Amazon Bedrock model invocation logs (prompts and outputs)',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    })) : props.encryptionKey;
    const bedrockSource = {
      StringEquals: { 'aws:SourceAccount': stack.account },
      ArnLike: { 'aws:SourceArn': `arn:${stack.partition}:bedrock:${stack.region}:${stack.account}:*` },
    };
    const dependencies: IConstruct[] = [];
    const ownKey = this.encryptionKey !== undefined && !props.encryptionKey;
    const keyPolicyAdded: boolean[] = [];
    if (this.encryptionKey && needsKey) {
      if (toS3 && !props.bucket) keyPolicyAdded.push(allowBedrockToUseKey(this.encryptionKey, bedrockSource));
      if (ownKey) denyGrantsExceptForAwsServices(this.encryptionKey as kms.Key);
    }

    const prefix = props.keyPrefix;
    if (toS3) {
      const bucket = props.bucket ?? createBucket(this, this.encryptionKey!, props.retention);
      const objects = `${bucket.bucketArn}/${prefix ? `${prefix}/` : ''}AWSLogs/${stack.account}/BedrockModelInvocationLogs/*`;
      const added = bucket.addToResourcePolicy(new iam.PolicyStatement({
        sid: 'AmazonBedrockLogsWrite',
        principals: [new iam.ServicePrincipal('bedrock.amazonaws.com')],
        actions: ['s3:PutObject'],
        resources: [objects],
        conditions: bedrockSource,
      }));
      if (added.policyDependable) dependencies.push(added.policyDependable as IConstruct);
      if (!added.statementAdded) {
        Annotations.of(this).addWarningV2('cdk-sovereign-bedrock:invocation-logs-bucket-policy',
          `The bucket is imported: add a bucket policy statement letting bedrock.amazonaws.com s3:PutObject on ${prefix ? `${prefix}/` : ''}AWSLogs/ACCOUNT/BedrockModelInvocationLogs/* `
          + 'with aws:SourceAccount and aws:SourceArn arn:aws:bedrock:REGION:ACCOUNT:*, and, if it uses SSE-KMS, kms:GenerateDataKey for Bedrock on its key.');
      }
      this.bucket = bucket;
      dependencies.push(bucket);
    }

    let cloudWatchConfig: LoggingConfig['cloudWatchConfig'];
    if (toLogs) {
      const logGroupName = props.logGroup?.logGroupName ?? `/bedrock/model-invocations/${Names.uniqueResourceName(this, { maxLength: 200, separator: '-' })}`;
      if (this.encryptionKey && !props.logGroup) keyPolicyAdded.push(allowLogsToUseKey(this.encryptionKey, stack, logGroupName));
      const logGroup = props.logGroup ?? new logs.LogGroup(this, 'Logs', {
        logGroupName,
        retention: props.retention,
        encryptionKey: this.encryptionKey,
        removalPolicy: RemovalPolicy.RETAIN,
      });
      if (this.encryptionKey && !props.logGroup) logGroup.node.addDependency(this.encryptionKey);
      const policy = new iam.ManagedPolicy(this, 'CloudWatchDeliveryPolicy', {
        description: 'Lets Amazon Bedrock write model invocation logs to one log stream',
        statements: [new iam.PolicyStatement({
          sid: 'WriteInvocationLogStream',
          actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          resources: [stack.formatArn({ service: 'logs', resource: 'log-group', resourceName: `${logGroup.logGroupName}:log-stream:${LOG_STREAM}`, arnFormat: ArnFormat.COLON_RESOURCE_NAME })],
        })],
      });
      this.cloudWatchRole = new iam.Role(this, 'CloudWatchDeliveryRole', {
        description: 'Assumed by Amazon Bedrock (this account, this Region) to deliver model invocation logs',
        assumedBy: new iam.ServicePrincipal('bedrock.amazonaws.com').withConditions(bedrockSource),
        managedPolicies: [policy],
      });
      cloudWatchConfig = {
        logGroupName: logGroup.logGroupName,
        roleArn: this.cloudWatchRole.roleArn,
        largeDataDeliveryS3Config: this.bucket ? { bucketName: this.bucket.bucketName, keyPrefix: prefix } : undefined,
      };
      this.logGroup = logGroup;
      dependencies.push(logGroup, this.cloudWatchRole, policy);
    }

    if (keyPolicyAdded.includes(false)) {
      Annotations.of(this).addWarningV2('cdk-sovereign-bedrock:invocation-logs-key-policy',
        'encryptionKey is imported: its key policy must let bedrock.amazonaws.com kms:GenerateDataKey (aws:SourceAccount, aws:SourceArn arn:aws:bedrock:REGION:ACCOUNT:*) '
        + 'for the bucket, and logs.REGION.amazonaws.com use it for the log group (kms:EncryptionContext:aws:logs:arn).');
    }

    const loggingConfig: LoggingConfig = {
      cloudWatchConfig,
      s3Config: toS3 ? { bucketName: this.bucket!.bucketName, keyPrefix: prefix } : undefined,
      textDataDeliveryEnabled: props.textDataDelivery ?? true,
      imageDataDeliveryEnabled: props.imageDataDelivery ?? false,
      embeddingDataDeliveryEnabled: props.embeddingDataDelivery ?? false,
      videoDataDeliveryEnabled: props.videoDataDelivery ?? false,
      audioDataDeliveryEnabled: props.audioDataDelivery ?? false,
    };
    this.loggingConfigJson = stack.toJsonString(loggingConfig);
    const resource = new CustomResource(this, 'Resource', {
      serviceToken: BedrockInvocationLogging.provider(this).serviceToken,
      resourceType: BedrockInvocationLogging.RESOURCE_TYPE,
      properties: {
        [LOGGING_CONFIG_PROPERTY]: this.loggingConfigJson,
        [ALLOWED_REGIONS_PROPERTY]: [...AUSTRALIA.homeRegions],
      },
    });
    // Bedrock checks the destinations when the configuration is put: they must exist, with their policies, first.
    for (const d of dependencies) resource.node.addDependency(d);
    if (this.encryptionKey) resource.node.addDependency(this.encryptionKey);
    this.previousConfiguration = resource.getAttString(PREVIOUS_CONFIG_ATTRIBUTE);
  }
}

function checkProps(scope: Construct, stack: Stack, props: BedrockInvocationLoggingProps, errors: ValidationErrors): InvocationLogDestination {
  const allowed = AUSTRALIA.homeRegions;
  const why = 'model invocation logs hold full prompts and model outputs, and Bedrock delivers them only to destinations in the Region it logs';
  if (Token.isUnresolved(stack.region)) {
    errors.add('scope', `the stack at ${stack.node.path} has no explicit Region (env-agnostic), so where the logs land cannot be checked: `
      + `give the stack env: { region: 'ap-southeast-2' } (or ap-southeast-4); ${why}`);
  } else if (!allowed.includes(stack.region)) {
    errors.add('scope', `the stack's Region ${stack.region} is outside Australia (${allowed.join(', ')}): ${why}. Deploy this construct in ap-southeast-2 or ap-southeast-4`);
  }
  const holder = OWNER_BY_STACK.get(stack);
  if (holder) errors.add('scope', `model invocation logging is one setting per account and Region, already set in this stack by ${holder}`);

  if (props.retention === undefined || props.retention === null) {
    errors.add('retention', 'is required: choose how long prompts and outputs are kept (logs.RetentionDays.THREE_MONTHS, for example)');
  } else if (typeof props.retention !== 'number' || !Number.isInteger(props.retention) || props.retention <= 0) {
    errors.add('retention', `must be a logs.RetentionDays value, got ${JSON.stringify(props.retention)}`);
  } else if (props.retention === logs.RetentionDays.INFINITE) {
    errors.add('retention', 'RetentionDays.INFINITE keeps every prompt and output forever: choose a period (logs.RetentionDays.ONE_YEAR, for example)');
  }
  if (typeof props.retention === 'number' && props.retention > 0 && props.retention < 365) {
    Annotations.of(scope).addInfoV2('cdk-sovereign-bedrock:invocation-logs-short-retention',
      `retention is ${props.retention} days: where Control Tower's proactive control CT.CLOUDWATCH.PR.2 is enabled, CloudFormation refuses log groups kept less than 365 days.`);
  }
  checkEnum('destination', props.destination, Object.values(InvocationLogDestination), 'InvocationLogDestination', errors);
  for (const p of ['textDataDelivery', 'imageDataDelivery', 'embeddingDataDelivery', 'videoDataDelivery', 'audioDataDelivery'] as const) checkBoolean(p, props[p], errors);
  if (props.keyPrefix !== undefined && !Token.isUnresolved(props.keyPrefix)
    && (typeof props.keyPrefix !== 'string' || props.keyPrefix === '' || /^\/|\/$/.test(props.keyPrefix))) {
    errors.add('keyPrefix', `must be a non-empty S3 key prefix without a leading or trailing "/", got ${JSON.stringify(props.keyPrefix)}`);
  }

  // Untyped callers: an ARN or a name where a construct belongs would crash on the first policy statement, or be read as "none".
  const shapes = {
    logGroup: ['a CloudWatch Logs log group (logs.ILogGroup), not its name', ['logGroupName', 'logGroupArn', 'node']],
    bucket: ['an S3 bucket (s3.IBucket), not its name', ['bucketName', 'bucketArn', 'addToResourcePolicy', 'node']],
    encryptionKey: ['a KMS key (kms.IKey), not its ARN', ['keyArn', 'addToResourcePolicy', 'node']],
  } as const;
  const wellFormed = Object.fromEntries(Object.entries(shapes).map(([prop, [what, members]]) =>
    [prop, checkObjectWith(prop, (props as unknown as Record<string, unknown>)[prop], what, members, errors)]));
  const given: Array<[string, IConstruct & { env?: { region: string; account: string } } | undefined]> = [
    ['logGroup', props.logGroup], ['bucket', props.bucket], ['encryptionKey', props.encryptionKey],
  ];
  for (const [prop, resource] of given) {
    const region = resource?.env?.region;
    if (!resource || !wellFormed[prop] || region === undefined || Token.isUnresolved(region) || Token.isUnresolved(stack.region)) continue;
    if (region !== stack.region) {
      errors.add(prop, `is in ${region}, not in the stack's Region ${stack.region}: Bedrock delivers model invocation logs only to the same account and Region`);
    } else if (!allowed.includes(region)) {
      errors.add(prop, `is in ${region}, outside Australia (${allowed.join(', ')}): ${why}`);
    }
  }

  const destination = props.destination ?? (props.logGroup && !props.bucket ? InvocationLogDestination.CLOUDWATCH_LOGS
    : props.bucket && !props.logGroup ? InvocationLogDestination.S3 : InvocationLogDestination.CLOUDWATCH_LOGS_AND_S3);
  if (destination === InvocationLogDestination.S3 && props.logGroup) errors.add('logGroup', 'is given, but destination is InvocationLogDestination.S3: give CLOUDWATCH_LOGS_AND_S3, or drop logGroup');
  if (destination === InvocationLogDestination.CLOUDWATCH_LOGS && props.bucket) errors.add('bucket', 'is given, but destination is InvocationLogDestination.CLOUDWATCH_LOGS: give CLOUDWATCH_LOGS_AND_S3, or drop bucket');
  if (destination === InvocationLogDestination.CLOUDWATCH_LOGS) {
    Annotations.of(scope).addWarningV2('cdk-sovereign-bedrock:invocation-logs-no-large-data',
      'Logs go to CloudWatch Logs only: request and response bodies over 100 KB, and binary data, are not delivered (they need an S3 bucket).');
  }
  if (props.logGroup || props.bucket) {
    Annotations.of(scope).addInfoV2('cdk-sovereign-bedrock:invocation-logs-given-retention',
      'retention applies only to the destinations this construct creates: set the retention of the log group or bucket you gave yourself.');
  }
  return destination;
}

type SourceConditions = Record<string, Record<string, string>>;

/** SSE-KMS objects written by Bedrock: AWS's documented statement for the key. False for an imported key. */
function allowBedrockToUseKey(key: kms.IKey, bedrockSource: SourceConditions): boolean {
  return key.addToResourcePolicy(new iam.PolicyStatement({
    sid: 'AllowBedrockToEncryptInvocationLogs',
    principals: [new iam.ServicePrincipal('bedrock.amazonaws.com')],
    actions: ['kms:GenerateDataKey'],
    resources: ['*'],
    conditions: bedrockSource,
  })).statementAdded;
}


/**
 * CloudWatch Logs encrypts a log group with a customer managed key only if the
 * key policy lets the Regional logs principal use it for that log group.
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html
 */
function allowLogsToUseKey(key: kms.IKey, stack: Stack, logGroupName: string): boolean {
  return key.addToResourcePolicy(new iam.PolicyStatement({
    sid: 'AllowCloudWatchLogsForTheInvocationLogGroup',
    principals: [new iam.ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
    actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
    resources: ['*'],
    conditions: {
      ArnEquals: {
        'kms:EncryptionContext:aws:logs:arn': stack.formatArn({ service: 'logs', resource: 'log-group', resourceName: logGroupName, arnFormat: ArnFormat.COLON_RESOURCE_NAME }),
      },
    },
  })).statementAdded;
}

/**
 * The bucket for the logs: SSE-KMS with the key (bucket key on, to cut KMS
 * calls), TLS only, public access blocked, ACLs disabled (Bedrock's bucket
 * policy takes effect only then), versioned, expiring with the retention, and
 * server access logs in a second bucket. Not replicated: a replica in another
 * Region would carry the prompts out of it.
 */
function createBucket(scope: Construct, key: kms.IKey, retention: logs.RetentionDays): s3.Bucket {
  const expiration = Duration.days(retention);
  const common = {
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    enforceSSL: true,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    versioned: true,
    // Object Lock on, with no default retention: nothing is locked unless someone places a hold,
    // so the expiration still deletes records (Control Tower proactive control CT.S3.PR.9 asks for it).
    objectLockEnabled: true,
    removalPolicy: RemovalPolicy.RETAIN,
    lifecycleRules: [{ expiration, noncurrentVersionExpiration: expiration, abortIncompleteMultipartUploadAfter: Duration.days(7) }],
  };
  const accessLogs = new s3.Bucket(scope, 'AccessLogsBucket', {
    ...common,
    // Server access log delivery supports only SSE-S3 on the target bucket.
    encryption: s3.BucketEncryption.S3_MANAGED,
  });
  const noReplication = {
    id: 'NIST.800.53.R5-S3BucketReplicationEnabled',
    reason: 'Replicating model invocation logs would copy prompts and outputs to another bucket, usually in another Region: the residency these logs must keep.',
  };
  suppressNag(accessLogs, [
    { id: 'AwsSolutions-S1', reason: 'This is the server access log bucket of the invocation log bucket; logging its own access would loop.' },
    { id: 'NIST.800.53.R5-S3BucketLoggingEnabled', reason: 'This is the server access log bucket of the invocation log bucket; logging its own access would loop.' },
    { id: 'NIST.800.53.R5-S3DefaultEncryptionKMS', reason: 'S3 server access log delivery supports only SSE-S3 on the target bucket; the logs hold request metadata, not prompts.' },
    noReplication,
  ]);
  const bucket = new s3.Bucket(scope, 'Bucket', {
    ...common,
    encryption: s3.BucketEncryption.KMS,
    encryptionKey: key,
    bucketKeyEnabled: true,
  });
  // Server access logs through the target's bucket policy, not the LogDeliveryWrite ACL that CDK
  // uses without the serverAccessLogsUseBucketPolicy feature flag (the buckets have ACLs disabled).
  // https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html
  const stack = Stack.of(scope);
  const logPrefix = 'invocation-log-bucket/';
  (bucket.node.defaultChild as s3.CfnBucket).loggingConfiguration = { destinationBucketName: accessLogs.bucketName, logFilePrefix: logPrefix };
  accessLogs.addToResourcePolicy(new iam.PolicyStatement({
    sid: 'S3ServerAccessLogsPolicy',
    principals: [new iam.ServicePrincipal('logging.s3.amazonaws.com')],
    actions: ['s3:PutObject'],
    resources: [accessLogs.arnForObjects(`${logPrefix}*`)],
    conditions: { ArnLike: { 'aws:SourceArn': bucket.bucketArn }, StringEquals: { 'aws:SourceAccount': stack.account } },
  }));
  suppressNag(bucket, [noReplication]);
  // Object events to EventBridge (Control Tower CT.S3.PR.4), written on the bucket itself: CDK's
  // eventBridgeEnabled would add its notifications custom resource and function.
  for (const b of [bucket, accessLogs]) {
    (b.node.defaultChild as s3.CfnBucket).notificationConfiguration = { eventBridgeConfiguration: { eventBridgeEnabled: true } };
  }
  return bucket;
}
