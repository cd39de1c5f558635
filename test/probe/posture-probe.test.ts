import { App, Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as events from 'aws-cdk-lib/aws-events';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import { AuBedrockPosture, PostureProbe } from '../../src';
import { isSovereignBedrockValidationError } from '../../src/core/validation-errors';
import { errorOf, thrown } from '../helpers/errors';
import { permissionsBesidesLogging } from '../helpers/function-permissions';

function workload(): Stack {
  return new Stack(new App(), 'Workload', { env: { account: '333344445555', region: 'ap-southeast-2' } });
}

describe('PostureProbe', () => {
  test('a daily function whose role may make exactly the probed requests, two alarms on the topic', () => {
    const stack = workload();
    const topic = new sns.Topic(stack, 'Topic');
    const bucket = new s3.Bucket(stack, 'Evidence');
    const probe = new PostureProbe(stack, 'Probe', { topic, evidenceBucket: bucket });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(1 day)' });
    expect(probe.pathNames).toEqual(['on-demand-in-origin', 'au-profile', 'apac-profile', 'global-profile', 'direct-us-east-1', 'agentcore-us-east-1']);

    const statements = permissionsBesidesLogging(t, /Probes the Bedrock residency posture/);
    const byId = Object.fromEntries(statements.map((s: any) => [s.Sid, s]));
    expect(Object.keys(byId).sort()).toEqual([
      'ProbeAgentcoreUsEast1', 'ProbeApacProfile', 'ProbeApacProfileLegs', 'ProbeAuProfile', 'ProbeAuProfileLegs',
      'ProbeDirectUsEast1', 'ProbeGlobalProfile', 'ProbeGlobalProfileLegs', 'ProbeOnDemandInOrigin', 'PublishProbeMetrics', 'WriteEvidenceRecords',
    ]);
    expect(byId.ProbeApacProfile).toMatchObject({
      Action: 'bedrock:InvokeModel',
      Resource: 'arn:aws:bedrock:ap-southeast-2:333344445555:inference-profile/apac.amazon.nova-micro-v1:0',
    });
    expect(byId.ProbeApacProfileLegs).toMatchObject({
      Action: 'bedrock:InvokeModel',
      // The catalog's eight destinations of apac. from Sydney, by name: no Region wildcard.
      Resource: ['ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-south-1', 'ap-south-2', 'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-4']
        .map((r) => `arn:aws:bedrock:${r}::foundation-model/amazon.nova-micro-v1:0`),
      Condition: { ArnEquals: { 'bedrock:InferenceProfileArn': 'arn:aws:bedrock:ap-southeast-2:333344445555:inference-profile/apac.amazon.nova-micro-v1:0' } },
    });
    expect(byId.ProbeAuProfileLegs.Resource).toEqual(['ap-southeast-2', 'ap-southeast-4'].map((r) => `arn:aws:bedrock:${r}::foundation-model/anthropic.claude-haiku-4-5-20251001-v1:0`));
    // global.: every commercial Region and the Region-less ARN its legs are authorised against.
    expect(byId.ProbeGlobalProfileLegs.Resource).toContain('arn:aws:bedrock:::foundation-model/anthropic.claude-haiku-4-5-20251001-v1:0');
    expect(byId.ProbeGlobalProfileLegs.Resource).toContain('arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-haiku-4-5-20251001-v1:0');
    expect(JSON.stringify(statements)).not.toMatch(/bedrock:\*:/);
    expect(byId.ProbeDirectUsEast1).toMatchObject({
      Resource: 'arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-micro-v1:0',
      Condition: { Null: { 'bedrock:InferenceProfileArn': 'true' } },
    });
    expect(byId.ProbeAgentcoreUsEast1).toMatchObject({
      Action: 'bedrock-agentcore:ListActors',
      Resource: 'arn:aws:bedrock-agentcore:us-east-1:333344445555:memory/SovereignProbeNoSuchMemory-0000000000',
    });
    expect(byId.PublishProbeMetrics.Condition).toEqual({ StringEquals: { 'cloudwatch:namespace': 'SovereignBedrock/Probe' } });
    expect(JSON.stringify(byId.WriteEvidenceRecords.Resource)).toContain('/posture-probe/*');
    // Nothing but these: no wildcard action, no other service.
    expect(statements.flatMap((s: any) => [s.Action].flat()).every((a: string) => /^(bedrock:InvokeModel|bedrock-agentcore:ListActors|cloudwatch:PutMetricData|s3:PutObject)$/.test(a))).toBe(true);

    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'PathsFailed',
      Namespace: 'SovereignBedrock/Probe',
      Dimensions: [{ Name: 'Origin', Value: 'ap-southeast-2' }],
      TreatMissingData: 'notBreaching',
      AlarmActions: [{ Ref: Match.anyValue() }],
    });
    t.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'PathsInconclusive', TreatMissingData: 'breaching' });
    t.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'Errors', Namespace: 'AWS/Lambda', AlarmActions: [{ Ref: Match.anyValue() }] });
    t.hasResourceProperties('AWS::IAM::Role', { RoleName: Match.stringLikeRegexp('^SovereignBedrockProbe-') });
    const env = Object.values(t.findResources('AWS::Lambda::Function'))
      .map((f: any) => f.Properties.Environment?.Variables).find((v: any) => v?.PROBE_PATHS);
    expect(JSON.parse(env.PROBE_PATHS).map((p: any) => p.modelId)).toContain('global.anthropic.claude-haiku-4-5-20251001-v1:0');
    expect(env.TOOL_VERSION).toMatch(/^\d+\.\d+\.\d+/);
    expect(probe.metricPathOutcome('apac-profile', 'REACHED').dimensions).toEqual({ Path: 'apac-profile', Outcome: 'REACHED' });
  });

  test('services and model overrides shape the paths and the policy', () => {
    const stack = workload();
    new PostureProbe(stack, 'Probe', { services: ['bedrock'], models: { 'au-profile': 'au.anthropic.claude-sonnet-4-5-20250929-v1:0' }, originRegion: 'ap-southeast-4' });
    const statements = permissionsBesidesLogging(Template.fromStack(stack), /Probes the Bedrock residency posture/);
    const text = JSON.stringify(statements);
    expect(text).not.toContain('bedrock-agentcore');
    expect(text).toContain('arn:aws:bedrock:ap-southeast-4:333344445555:inference-profile/au.anthropic.claude-sonnet-4-5-20250929-v1:0');
  });

  test('without a bucket of yours: an encrypted, locked, TLS-only bucket keeping each record 400 days, written only under the prefix', () => {
    const stack = workload();
    const probe = new PostureProbe(stack, 'Probe');
    const t = Template.fromStack(stack);
    t.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: {
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ BucketKeyEnabled: true, ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' } }] },
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        VersioningConfiguration: { Status: 'Enabled' },
        ObjectLockEnabled: true,
        ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 400 } } },
        LifecycleConfiguration: { Rules: [Match.objectLike({ ExpirationInDays: 400, NoncurrentVersionExpiration: { NoncurrentDays: 400 }, Status: 'Enabled' })] },
      },
    });
    t.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
    t.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    const statements = permissionsBesidesLogging(t, /Probes the Bedrock residency posture/);
    const byId = Object.fromEntries(statements.map((s: any) => [s.Sid, s]));
    expect(byId.EncryptEvidenceRecords).toMatchObject({ Action: 'kms:GenerateDataKey', Condition: { StringEquals: { 'kms:ViaService': 's3.ap-southeast-2.amazonaws.com' } } });
    expect(JSON.stringify(byId.WriteEvidenceRecords.Resource)).toContain('/posture-probe/*');
    expect(probe.evidenceBucket).toBeDefined();
    const env = Object.values(t.findResources('AWS::Lambda::Function')).map((f: any) => f.Properties.Environment?.Variables).find((v: any) => v?.PROBE_PATHS);
    expect(env.EVIDENCE_BUCKET.Ref).toMatch(/^ProbeEvidenceBucket/);
    const other = workload();
    new PostureProbe(other, 'ShortLived', { evidenceRetention: Duration.days(30) });
    expect(Object.values(Template.fromStack(other).findResources('AWS::S3::Bucket')).map((b: any) => b.Properties.ObjectLockConfiguration.Rule.DefaultRetention.Days).sort())
      .toEqual([30]);
  });

  test('a role the posture exempts is refused: it would never be denied', () => {
    const management = new Stack(new App(), 'Management', { env: { account: '111122223333', region: 'ap-southeast-2' } });
    const posture = new AuBedrockPosture(management, 'Posture', {
      targetIds: ['ou-ab12-34cd56ef'],
      exemptPrincipalArns: ['arn:aws:iam::*:role/BreakGlass', 'arn:aws:iam::333344445555:role/Sovereign*'],
    });
    const message = errorOf(() => new PostureProbe(workload(), 'Probe', { exemptPrincipalArns: posture.exemptPrincipalArns }));
    expect(message).toMatch(/exemptPrincipalArns\[\d+\]: "arn:aws:iam::333344445555:role\/Sovereign\*" matches the probe's role SovereignBedrockProbe-/);
    expect(message).not.toContain('BreakGlass');
    // Another account's pattern, or a different name, is fine.
    new PostureProbe(workload(), 'Probe', { exemptPrincipalArns: ['arn:aws:iam::999999999999:role/*', 'arn:aws:iam::*:role/BreakGlass'] });
    new PostureProbe(workload(), 'Probe', { exemptPrincipalArns: posture.exemptPrincipalArns, roleName: 'PostureProbe' });
  });

  test('bad props are named errors, all at once', () => {
    const message = errorOf(() => new PostureProbe(workload(), 'Probe', {
      originRegion: 'us-east-1',
      services: ['bedrock', 'mantle', 'nope'],
      models: { 'no-such-path': 'x' },
      roleName: 'has spaces',
      schedule: events.Schedule.rate(Duration.days(2)),
      evidenceRetention: Duration.hours(36),
    }));
    expect(message).toContain('evidenceRetention: must be a whole number of days, at least one');
    expect(errorOf(() => new PostureProbe(workload(), 'Probe', { evidenceBucket: s3.Bucket.fromBucketName(workload(), 'B', 'mine'), evidenceRetention: Duration.days(9) })))
      .toContain('evidenceRetention: applies only to the bucket the construct creates');
    expect(message).toContain('originRegion: "us-east-1" is not an origin of the Australian posture');
    expect(message).toContain('services[1]: "mantle" cannot be probed');
    expect(message).toContain('services[2]: "nope" is not one of bedrock, agentcore');
    expect(message).toContain('models: "no-such-path" is not a path of this run');
    expect(message).toContain('roleName: "has spaces" is not an IAM role name');
    expect(message).toContain('schedule: the schedule runs every 172800 seconds but metricPeriod is 86400 seconds');
  });

  test('untyped callers: wrong types are named errors, never a TypeError (issue 18)', () => {
    const propsOf = (fn: () => unknown) => {
      const e = thrown(fn);
      if (!isSovereignBedrockValidationError(e)) throw e;
      return e.problems.map((p) => p.prop);
    };
    expect(propsOf(() => new PostureProbe(workload(), 'Probe', {
      schedule: 'rate(1 day)' as any,
      services: 'bedrock' as any,
      models: { 'au-profile': 7 as any },
      exemptPrincipalArns: [null as any, 'BreakGlass'],
      evidenceBucket: 'my-bucket' as any,
      evidencePrefix: 'records/*',
      topic: 'arn:aws:sns:ap-southeast-2:333344445555:t' as any,
    }))).toEqual(['services', 'models.au-profile', 'schedule', 'evidenceBucket', 'topic', 'evidencePrefix', 'exemptPrincipalArns[0]', 'exemptPrincipalArns[1]']);
    expect(propsOf(() => new PostureProbe(workload(), 'Probe', null as any))).toEqual(['props']);
  });

  test('the summary metrics and each path\'s outcome, for dashboards; a path or outcome it does not publish is refused', () => {
    const probe = new PostureProbe(workload(), 'Probe', { metricNamespace: 'Acme/Probe' });
    const json = (m: { namespace: string; metricName: string; dimensions?: Record<string, unknown>; statistic: string }) =>
      [m.namespace, m.metricName, JSON.stringify(m.dimensions), m.statistic].join(' ');
    expect([probe.metricPathsFailed(), probe.metricPathsInconclusive(), probe.metricPathsPassed()].map(json)).toEqual([
      'Acme/Probe PathsFailed {"Origin":"ap-southeast-2"} Maximum',
      'Acme/Probe PathsInconclusive {"Origin":"ap-southeast-2"} Maximum',
      'Acme/Probe PathsPassed {"Origin":"ap-southeast-2"} Maximum',
    ]);
    // What the alarms watch is what the dashboard draws.
    expect(json(probe.failedAlarm.metric as any)).toBe(json(probe.metricPathsFailed()));
    expect(probe.expectedOutcomes).toEqual({
      'on-demand-in-origin': 'REACHED',
      'au-profile': 'REACHED',
      'apac-profile': 'DENIED_BY_SCP',
      'global-profile': 'DENIED_BY_SCP',
      'direct-us-east-1': 'DENIED_BY_SCP',
      'agentcore-us-east-1': 'DENIED_BY_SCP',
    });
    expect(errorOf(() => probe.metricPathOutcome('nowhere', 'REACHED'))).toContain('path: "nowhere" is not a probed path');
    expect(errorOf(() => probe.metricPathOutcome('au-profile', 'reached'))).toContain('outcome: "reached" is not an outcome');
  });
});

