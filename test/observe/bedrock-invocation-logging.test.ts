import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { BedrockInvocationLogging, BedrockInvocationLoggingProps, InvocationLogDestination, SovereignBedrockValidationProblem } from '../../src';
import { onInvocationLoggingEvent } from '../../src/core/deploy/invocation-logging-handler';
import { COMMERCIAL_REGIONS } from '../../src/core/regions';
import { thrown } from '../helpers/errors';
import { warnings } from '../helpers/stack';

const SYDNEY = { account: '111122223333', region: 'ap-southeast-2' };

function stackIn(env: { account?: string; region?: string } | undefined = SYDNEY): Stack {
  return new Stack(new App(), 'Logging', { env });
}

function build(props: Partial<BedrockInvocationLoggingProps> = {}, stack = stackIn()) {
  const logging = new BedrockInvocationLogging(stack, 'InvocationLogs', { retention: logs.RetentionDays.THREE_MONTHS, ...props });
  return { stack, logging, template: Template.fromStack(stack) };
}

function problems(fn: () => unknown): SovereignBedrockValidationProblem[] {
  const e = thrown(fn) as { name: string; problems: SovereignBedrockValidationProblem[] };
  expect(e.name).toBe('SovereignBedrockValidationError');
  return e.problems;
}

/** The configuration the custom resource sets, with tokens as CloudFormation intrinsics. */
function loggingConfig(template: Template): any {
  const [resource] = Object.values(template.findResources('Custom::BedrockInvocationLogging'));
  const joined = resource.Properties.LoggingConfig['Fn::Join'][1] as unknown[];
  return joined;
}

describe('BedrockInvocationLogging', () => {
  test('default: CloudWatch Logs and S3, a customer managed key, text only (snapshot of the custom resource and destinations)', () => {
    const { template } = build();
    const resources = template.toJSON().Resources;
    const own = Object.fromEntries(Object.entries<any>(resources).filter(([id]) => id.startsWith('InvocationLogs')));
    expect(own).toMatchSnapshot();
    template.hasResourceProperties('Custom::BedrockInvocationLogging', {
      AllowedRegions: ['ap-southeast-2', 'ap-southeast-4'],
    });
    const text = JSON.stringify(loggingConfig(template));
    expect(text).toContain('\\"textDataDeliveryEnabled\\":true');
    for (const f of ['image', 'embedding', 'video', 'audio']) expect(text).toContain(`\\"${f}DataDeliveryEnabled\\":false`);
    expect(text).toContain('largeDataDeliveryS3Config');
  });

  test('the bucket: SSE-KMS with the key, TLS only, public access blocked, ACLs disabled, expiring with the retention', () => {
    const { template } = build({ retention: logs.RetentionDays.ONE_MONTH });
    template.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ BucketKeyEnabled: true, ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: Match.anyValue() } }] },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      LifecycleConfiguration: {
        Rules: Match.arrayWith([Match.objectLike({ ExpirationInDays: 30, NoncurrentVersionExpiration: { NoncurrentDays: 30 } })]),
      },
      LoggingConfiguration: Match.objectLike({ LogFilePrefix: 'invocation-log-bucket/' }),
    });
    const policies = Object.values(template.findResources('AWS::S3::BucketPolicy')).map((p) => p.Properties.PolicyDocument.Statement);
    const bedrock = policies.flat().find((s: any) => s.Sid === 'AmazonBedrockLogsWrite');
    expect(bedrock).toMatchObject({
      Effect: 'Allow',
      Principal: { Service: 'bedrock.amazonaws.com' },
      Action: 's3:PutObject',
      Condition: {
        StringEquals: { 'aws:SourceAccount': '111122223333' },
        ArnLike: { 'aws:SourceArn': { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':bedrock:ap-southeast-2:111122223333:*']] } },
      },
    });
    expect(JSON.stringify(bedrock.Resource)).toContain('/AWSLogs/111122223333/BedrockModelInvocationLogs/*');
    // TLS only, on both buckets.
    const tls = policies.flat().filter((s: any) => s.Effect === 'Deny' && s.Condition?.Bool?.['aws:SecureTransport'] === 'false');
    expect(tls).toHaveLength(2);
  });

  test('the CloudWatch delivery role: trusted by Bedrock of this account and Region only, writing one log stream', () => {
    const { template } = build();
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [{
          Action: 'sts:AssumeRole',
          Effect: 'Allow',
          Principal: { Service: 'bedrock.amazonaws.com' },
          Condition: {
            StringEquals: { 'aws:SourceAccount': '111122223333' },
            ArnLike: { 'aws:SourceArn': Match.anyValue() },
          },
        }],
      },
    });
    const policy = Object.values(template.findResources('AWS::IAM::ManagedPolicy'))
      .find((p) => p.Properties.Description === 'Lets Amazon Bedrock write model invocation logs to one log stream')!;
    const [statement] = policy.Properties.PolicyDocument.Statement;
    expect(statement.Action).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents']);
    expect(JSON.stringify(statement.Resource)).toMatch(/:log-stream:aws\/bedrock\/modelinvocations"/);
  });

  test('the key: rotation on; Bedrock may only generate data keys for this account\'s Region; CloudWatch Logs only for this log group; grants only for AWS services', () => {
    const { template } = build();
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    const [key] = Object.values(template.findResources('AWS::KMS::Key'));
    const statements = key.Properties.KeyPolicy.Statement as any[];
    expect(statements.find((s) => s.Sid === 'AllowBedrockToEncryptInvocationLogs')).toMatchObject({
      Principal: { Service: 'bedrock.amazonaws.com' }, Action: 'kms:GenerateDataKey', Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' } },
    });
    const logsStatement = statements.find((s) => s.Sid === 'AllowCloudWatchLogsForTheInvocationLogGroup');
    expect(logsStatement.Principal).toEqual({ Service: 'logs.ap-southeast-2.amazonaws.com' });
    expect(JSON.stringify(logsStatement.Condition)).toMatch(/log-group:\/bedrock\/model-invocations\//);
    expect(statements.find((s) => s.Sid === 'DenyGrantsExceptForAwsServices')).toMatchObject({ Effect: 'Deny', Action: 'kms:CreateGrant' });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 90, KmsKeyId: Match.anyValue() });
  });

  test('the handler may call only the three logging operations and pass roles to Bedrock', () => {
    const { template } = build();
    const handlerPolicy = Object.values(template.findResources('AWS::IAM::ManagedPolicy'))
      .find((p) => /sets Bedrock model invocation logging/.test(p.Properties.Description) && !/framework/.test(p.Properties.Description))!;
    const statements = handlerPolicy.Properties.PolicyDocument.Statement as any[];
    expect(statements.find((s) => s.Sid === 'ConfigureInvocationLogging').Action).toEqual([
      'bedrock:GetModelInvocationLoggingConfiguration', 'bedrock:PutModelInvocationLoggingConfiguration', 'bedrock:DeleteModelInvocationLoggingConfiguration',
    ]);
    expect(statements.find((s) => s.Sid === 'PassLoggingRolesToBedrock')).toMatchObject({
      Action: 'iam:PassRole', Condition: { StringEquals: { 'iam:PassedToService': 'bedrock.amazonaws.com' } },
    });
  });

  test('the custom resource waits for its destinations and their policies', () => {
    const { template } = build();
    const [resource] = Object.values(template.findResources('Custom::BedrockInvocationLogging'));
    const dependsOn = resource.DependsOn as string[];
    for (const kind of ['AWS::S3::BucketPolicy', 'AWS::Logs::LogGroup', 'AWS::IAM::Role', 'AWS::KMS::Key', 'AWS::S3::Bucket']) {
      const ids = Object.keys(template.findResources(kind)).filter((id) => id.startsWith('InvocationLogs'));
      expect(ids.some((id) => dependsOn.includes(id))).toBe(true);
    }
  });

  test('S3 only: no log group, no role; CloudWatch Logs only: no bucket, and a warning that large bodies are not delivered', () => {
    const s3Only = build({ destination: InvocationLogDestination.S3 });
    s3Only.template.resourceCountIs('AWS::Logs::LogGroup', 2); // the provider's two function logs only
    expect(JSON.stringify(loggingConfig(s3Only.template))).not.toContain('cloudWatchConfig');
    const logsOnly = build({ destination: InvocationLogDestination.CLOUDWATCH_LOGS });
    logsOnly.template.resourceCountIs('AWS::S3::Bucket', 0);
    expect(JSON.stringify(loggingConfig(logsOnly.template))).not.toContain('largeDataDeliveryS3Config');
    expect(warnings(logsOnly.stack).join('\n')).toMatch(/bodies over 100 KB, and binary data, are not delivered/);
  });

  test('data delivery options reach the configuration', () => {
    const { template } = build({
      textDataDelivery: false, imageDataDelivery: true, embeddingDataDelivery: true, videoDataDelivery: true, audioDataDelivery: true,
    });
    const text = JSON.stringify(loggingConfig(template));
    expect(text).toContain('\\"textDataDeliveryEnabled\\":false');
    for (const f of ['image', 'embedding', 'video', 'audio']) expect(text).toContain(`\\"${f}DataDeliveryEnabled\\":true`);
  });

  test('a given log group and bucket in Sydney are used as they are, with Bedrock\'s statement added to the bucket defined here', () => {
    const stack = stackIn();
    const bucket = new s3.Bucket(stack, 'Mine', { encryption: s3.BucketEncryption.S3_MANAGED, enforceSSL: true });
    const logGroup = new logs.LogGroup(stack, 'MyLogs', { retention: logs.RetentionDays.ONE_YEAR });
    const { template } = build({ bucket, logGroup, keyPrefix: 'prod' }, stack);
    template.resourceCountIs('AWS::KMS::Key', 0);
    template.resourceCountIs('AWS::S3::Bucket', 1);
    const statements = Object.values(template.findResources('AWS::S3::BucketPolicy')).flatMap((p) => p.Properties.PolicyDocument.Statement);
    expect(JSON.stringify(statements.find((s: any) => s.Sid === 'AmazonBedrockLogsWrite').Resource)).toContain('/prod/AWSLogs/111122223333/BedrockModelInvocationLogs/*');
    expect(JSON.stringify(loggingConfig(template))).toContain('\\"keyPrefix\\":\\"prod\\"');
  });

  test('a key of your own in this app gets the Bedrock and CloudWatch Logs statements; an imported one, a warning', () => {
    const stack = stackIn();
    const key = new kms.Key(stack, 'MyKey', { enableKeyRotation: true });
    build({ encryptionKey: key }, stack);
    const [policy] = Object.values(Template.fromStack(stack).findResources('AWS::KMS::Key')).map((k) => k.Properties.KeyPolicy.Statement as any[]);
    expect(policy.map((s) => s.Sid).filter(Boolean)).toEqual(['AllowBedrockToEncryptInvocationLogs', 'AllowCloudWatchLogsForTheInvocationLogGroup']);
    const other = stackIn();
    build({ encryptionKey: kms.Key.fromKeyArn(other, 'Theirs', 'arn:aws:kms:ap-southeast-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab') }, other);
    expect(warnings(other).join('\n')).toMatch(/encryptionKey is imported: its key policy must let bedrock.amazonaws.com kms:GenerateDataKey/);
  });

  test('an imported bucket gets a warning saying which statement to add', () => {
    const stack = stackIn();
    const bucket = s3.Bucket.fromBucketName(stack, 'Theirs', 'their-invocation-logs');
    build({ bucket }, stack);
    expect(warnings(stack).join('\n')).toMatch(/The bucket is imported: add a bucket policy statement letting bedrock.amazonaws.com s3:PutObject on AWSLogs\/ACCOUNT\/BedrockModelInvocationLogs/);
  });

  describe('refusals', () => {
    test('a stack outside Australia is refused, saying why (the records hold prompts and outputs)', () => {
      const p = problems(() => build({}, stackIn({ account: '111122223333', region: 'us-east-1' })));
      expect(p).toEqual([expect.objectContaining({ prop: 'scope', message: expect.stringMatching(/Region us-east-1 is outside Australia .*hold full prompts and model outputs/) })]);
    });

    test('an env-agnostic stack (token Region) is refused: where the logs land could not be checked', () => {
      const p = problems(() => build({}, stackIn({})));
      expect(p.map((x) => x.prop)).toEqual(['scope']);
      expect(p[0].message).toMatch(/no explicit Region \(env-agnostic\).*env: \{ region: 'ap-southeast-2' \}/);
    });

    test('synth time and deploy time agree, Region by Region: the construct refuses exactly where the handler would', async () => {
      const api = { get: async () => undefined, put: async () => {}, delete: async () => {} };
      const accepted: string[] = [];
      for (const region of COMMERCIAL_REGIONS) {
        const stack = stackIn({ account: '111122223333', region });
        let synthRefused = false;
        let allowedRegions: unknown;
        try {
          const { template } = build({}, stack);
          allowedRegions = Object.values(template.findResources('Custom::BedrockInvocationLogging'))[0].Properties.AllowedRegions;
        } catch {
          synthRefused = true;
        }
        const event = { RequestType: 'Create' as const, LogicalResourceId: 'L', ResourceProperties: { LoggingConfig: '{}', AllowedRegions: allowedRegions ?? ['ap-southeast-2', 'ap-southeast-4'] } };
        const deployRefused = await onInvocationLoggingEvent(event, { api, region }).then(() => false, () => true);
        expect([region, synthRefused]).toEqual([region, deployRefused]);
        if (!synthRefused) accepted.push(region);
      }
      expect(accepted).toEqual(['ap-southeast-2', 'ap-southeast-4']);
    });

    test('Melbourne is accepted', () => {
      expect(() => build({}, stackIn({ account: '111122223333', region: 'ap-southeast-4' }))).not.toThrow();
    });

    test('a destination in another Region is refused, each under its prop', () => {
      const stack = stackIn();
      const bucket = s3.Bucket.fromBucketAttributes(stack, 'Abroad', { bucketName: 'logs-in-virginia', region: 'us-east-1' });
      const logGroup = logs.LogGroup.fromLogGroupArn(stack, 'AbroadLogs', 'arn:aws:logs:ap-southeast-1:111122223333:log-group:prompts');
      const key = kms.Key.fromKeyArn(stack, 'AbroadKey', 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab');
      const p = problems(() => build({ bucket, logGroup, encryptionKey: key }, stack));
      expect(p.map((x) => x.prop)).toEqual(['logGroup', 'bucket', 'encryptionKey']);
      expect(p[1].message).toMatch(/is in us-east-1, not in the stack's Region ap-southeast-2: Bedrock delivers model invocation logs only to the same account and Region/);
    });

    test('retention is required, and INFINITE is refused; every problem is reported at once', () => {
      const stack = stackIn();
      const p = problems(() => new BedrockInvocationLogging(stack, 'L', {
        retention: undefined as unknown as logs.RetentionDays, keyPrefix: '/lead', textDataDelivery: 'yes' as unknown as boolean, destination: 'both' as InvocationLogDestination,
      }));
      expect(p.map((x) => x.prop)).toEqual(['retention', 'destination', 'textDataDelivery', 'keyPrefix']);
      expect(problems(() => build({ retention: logs.RetentionDays.INFINITE }))[0].message).toMatch(/keeps every prompt and output forever/);
    });

    test('a destination kind contradicting the given resource is refused', () => {
      const stack = stackIn();
      const logGroup = new logs.LogGroup(stack, 'MyLogs', { retention: logs.RetentionDays.ONE_YEAR });
      expect(problems(() => build({ logGroup, destination: InvocationLogDestination.S3 }, stack))[0]).toMatchObject({ prop: 'logGroup' });
    });

    test('a second configuration in one stack is refused: there is one per account and Region', () => {
      const { stack } = build();
      const p = problems(() => new BedrockInvocationLogging(stack, 'Again', { retention: logs.RetentionDays.ONE_MONTH }));
      expect(p[0]).toMatchObject({ prop: 'scope', message: expect.stringMatching(/already set in this stack by Logging\/InvocationLogs/) });
    });
  });

  test('a name or an ARN in place of a destination or key is refused, naming the prop (it used to crash on the bucket policy)', () => {
    expect(problems(() => build({ bucket: 'my-log-bucket' as any, logGroup: {} as any, encryptionKey: 'arn:aws:kms:ap-southeast-2:111122223333:key/k' as any })))
      .toEqual([
        { prop: 'logGroup', message: 'must be a CloudWatch Logs log group (logs.ILogGroup), not its name, got an object' },
        { prop: 'bucket', message: 'must be an S3 bucket (s3.IBucket), not its name, got a string ("my-log-bucket")' },
        { prop: 'encryptionKey', message: 'must be a KMS key (kms.IKey), not its ARN, got a string ("arn:aws:kms:ap-southeast-2:111122223333:key/k")' },
      ]);
  });
});
