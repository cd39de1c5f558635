import { Duration, Fn, Lazy, Stack, Token } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import { InferenceRegionAlarm, InferenceRegionAlarmProps } from '../../src';
import { resolveDetectionRules } from '../../src/core/detect/detection-rules';
import { surfaceDetections } from '../../src/core/detect/surface-detections';
import { errorOf } from '../helpers/errors';
import { newStack } from '../helpers/stack';

function orgTrailLogs(stack: Stack): logs.ILogGroup {
  return logs.LogGroup.fromLogGroupName(stack, 'OrgTrailLogs', 'aws-controltower/CloudTrailLogs');
}

function build(props: Partial<InferenceRegionAlarmProps> = {}): { stack: Stack; alarm: InferenceRegionAlarm; template: Template } {
  const stack = newStack();
  const alarm = new InferenceRegionAlarm(stack, 'Residency', { logGroup: orgTrailLogs(stack), ...props });
  return { stack, alarm, template: Template.fromStack(stack) };
}


describe('InferenceRegionAlarm', () => {
  test('synthesized resources (snapshot)', () => {
    const { template } = build({ alarmOnNonAustralianProfiles: true });
    expect(template.toJSON().Resources).toMatchSnapshot();
  });

  test('the exact filter patterns, published as properties too', () => {
    const { alarm, template } = build({ alarmOnNonAustralianProfiles: true });
    expect(alarm.servedOutsideFilterPattern).toBe(
      '{ ($.eventSource = "bedrock.amazonaws.com") && ($.additionalEventData.inferenceRegion = *) '
      + '&& ($.additionalEventData.inferenceRegion != "ap-southeast-2") && ($.additionalEventData.inferenceRegion != "ap-southeast-4") }');
    expect(alarm.globalModelFilterPattern).toBe(
      '{ ($.eventSource = "bedrock.amazonaws.com") && (($.requestParameters.modelId = "global.*") '
      + '|| ($.requestParameters.modelId = "*:inference-profile/global.*")) }');
    const patterns = Object.values(template.findResources('AWS::Logs::MetricFilter')).map((r) => r.Properties.FilterPattern);
    const surface = Object.values(surfaceDetections(resolveDetectionRules())).map((d) => d.filterPattern);
    expect(patterns).toEqual([alarm.servedOutsideFilterPattern, alarm.globalModelFilterPattern, alarm.nonAustralianProfileFilterPattern, ...surface]);
  });

  test('safe alarm defaults: one call in one minute alarms, missing data is not breaching', () => {
    const { template } = build();
    const alarms = template.findResources('AWS::CloudWatch::Alarm');
    expect(Object.keys(alarms)).toHaveLength(6); // two Bedrock model signals, four beyond (Mantle, AgentCore, Claude Platform, profiles)
    for (const a of Object.values(alarms)) {
      expect(a.Properties).toMatchObject({
        Threshold: 1,
        Period: 60,
        EvaluationPeriods: 1,
        DatapointsToAlarm: 1,
        Statistic: 'Sum',
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        TreatMissingData: 'notBreaching',
        Namespace: 'SovereignBedrock',
      });
      expect(a.Properties.OKActions).toBeUndefined();
    }
    expect(Object.values(alarms).map((a) => a.Properties.MetricName).sort()).toEqual([
      'AgentCoreCallsOutsideAllowedRegions', 'CallsServedOutsideAllowedRegions', 'ClaudePlatformCalls',
      'MantleCallsOutsideAllowedRegions', 'NonAustralianGuardrailOrDataAutomationProfiles', 'UnapprovedGlobalProfileCalls',
    ]);
  });

  test('alarm settings and namespace are configurable, OK actions optional', () => {
    const { template } = build({
      threshold: 3,
      period: Duration.minutes(5),
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
      metricNamespace: 'Acme/Residency',
      notifyOnOk: true,
    });
    template.allResourcesProperties('AWS::CloudWatch::Alarm', {
      Threshold: 3,
      Period: 300,
      EvaluationPeriods: 3,
      DatapointsToAlarm: 2,
      Namespace: 'Acme/Residency',
      OKActions: [Match.anyValue()],
    });
    template.allResourcesProperties('AWS::Logs::MetricFilter', {
      MetricTransformations: [Match.objectLike({ MetricNamespace: 'Acme/Residency', MetricValue: '1' })],
    });
  });

  test('a created topic is encrypted with a rotating customer managed key both publishers may use', () => {
    const { alarm, template, stack } = build();
    expect(alarm.topicKey).toBeDefined();
    template.resourceCountIs('AWS::SNS::Topic', 1);
    template.hasResourceProperties('AWS::SNS::Topic', {
      KmsMasterKeyId: { 'Fn::GetAtt': [stack.getLogicalId(alarm.topicKey!.node.defaultChild as any), 'Arn'] },
    });
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    const keyPolicy = Object.values(template.findResources('AWS::KMS::Key'))[0].Properties.KeyPolicy.Statement;
    for (const service of ['cloudwatch.amazonaws.com', 'events.amazonaws.com']) {
      expect(keyPolicy).toContainEqual(expect.objectContaining({
        Principal: { Service: service }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'], Effect: 'Allow',
      }));
    }
  });

  test('the topic policy lets this account\'s alarms and EventBridge publish, over TLS only', () => {
    const { template } = build();
    const statements = Object.values(template.findResources('AWS::SNS::TopicPolicy'))[0].Properties.PolicyDocument.Statement;
    expect(statements).toContainEqual(expect.objectContaining({
      Sid: 'AllowCloudWatchAlarmsToPublish',
      Principal: { Service: 'cloudwatch.amazonaws.com' },
      Condition: expect.objectContaining({ StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } }),
    }));
    expect(statements).toContainEqual(expect.objectContaining({ Principal: { Service: 'events.amazonaws.com' }, Action: 'sns:Publish' }));
    expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
  });

  test('every alarm and rule notifies the topic', () => {
    const { alarm, stack, template } = build({ alarmOnNonAustralianProfiles: true });
    const topicRef = { Ref: stack.getLogicalId(alarm.topic.node.defaultChild as any) };
    template.allResourcesProperties('AWS::CloudWatch::Alarm', { AlarmActions: [topicRef] });
    template.resourceCountIs('AWS::Events::Rule', 7);
    template.allResourcesProperties('AWS::Events::Rule', {
      State: 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS',
      Targets: [Match.objectLike({ Arn: topicRef, InputTransformer: Match.objectLike({ InputTemplate: Match.stringLikeRegexp('served in <detail-additionalEventData-inferenceRegion>') }) })],
    });
  });

  test('the exact event patterns', () => {
    const { alarm, stack, template } = build({ alarmOnNonAustralianProfiles: true });
    const pattern = (rule: any) => template.toJSON().Resources[stack.getLogicalId(rule.node.defaultChild)].Properties.EventPattern;
    const base = { 'source': ['aws.bedrock'], 'detail-type': ['AWS API Call via CloudTrail'] };
    expect(pattern(alarm.servedOutsideRule)).toEqual({
      ...base,
      detail: {
        eventSource: ['bedrock.amazonaws.com'],
        additionalEventData: { inferenceRegion: [{ 'anything-but': ['ap-southeast-2', 'ap-southeast-4'] }] },
      },
    });
    expect(pattern(alarm.globalModelRule)).toEqual({
      ...base,
      detail: {
        eventSource: ['bedrock.amazonaws.com'],
        requestParameters: { modelId: [{ prefix: 'global.' }, { wildcard: '*:inference-profile/global.*' }] },
      },
    });
    expect(pattern(alarm.nonAustralianProfileRule).detail.requestParameters.modelId).toHaveLength(14);
  });

  test('nearRealTime: false leaves only the metric-filter alarms', () => {
    const { alarm, template } = build({ nearRealTime: false, alarmOnNonAustralianProfiles: true });
    template.resourceCountIs('AWS::Events::Rule', 0);
    template.resourceCountIs('AWS::CloudWatch::Alarm', 7);
    expect(alarm.servedOutsideRule).toBeUndefined();
    expect(alarm.claudePlatformRule).toBeUndefined();
  });

  test('approved global. IDs: excluded from the alarm; no global. rule, with a note saying why', () => {
    const { alarm, stack } = build({ approvedGlobalModelIds: ['global.anthropic.claude-opus-4-5-20251101-v1:0'] });
    expect(alarm.globalModelFilterPattern).toContain('($.requestParameters.modelId != "global.anthropic.claude-opus-4-5-20251101-v1:0")');
    expect(alarm.globalModelFilterPattern).toContain('($.requestParameters.modelId != "*:inference-profile/global.anthropic.claude-opus-4-5-20251101-v1:0")');
    expect(alarm.globalModelRule).toBeUndefined();
    expect(alarm.servedOutsideRule).toBeDefined();
    const infos = Annotations.fromStack(stack).findInfo('*', Match.stringLikeRegexp('cannot say "global. but not these IDs"'));
    expect(infos).toHaveLength(1);
  });

  test('saved Logs Insights queries on the log group, and the queries as properties', () => {
    const { alarm, template } = build();
    template.hasResourceProperties('AWS::Logs::QueryDefinition', {
      Name: 'SovereignBedrock/CallsServedOutsideAllowedRegions',
      LogGroupNames: ['aws-controltower/CloudTrailLogs'],
      QueryString: alarm.servedOutsideInsightsQuery,
    });
    template.hasResourceProperties('AWS::Logs::QueryDefinition', {
      Name: 'SovereignBedrock/UnapprovedGlobalProfileCalls', QueryString: alarm.globalModelInsightsQuery,
    });
    for (const q of [alarm.servedOutsideInsightsQuery, alarm.globalModelInsightsQuery]) {
      for (const column of ['eventTime', 'recipientAccountId', 'userIdentity.arn', 'requestParameters.modelId', 'awsRegion', 'additionalEventData.inferenceRegion']) {
        expect(q).toContain(column);
      }
    }
    expect(alarm.servedOutsideLakeQuery).toMatch(/^SELECT eventTime, recipientAccountId, userIdentity\.arn AS principal, /);
    expect(alarm.servedOutsideLakeQuery).toContain("NOT IN ('ap-southeast-2', 'ap-southeast-4')");
    expect(alarm.globalModelLakeQuery).toContain('FROM $EDS_ID');
  });

  test('a given topic is used as is, and an imported one is noted', () => {
    const stack = newStack();
    const topic = sns.Topic.fromTopicArn(stack, 'Ops', 'arn:aws:sns:ap-southeast-2:111122223333:ops-alerts');
    const alarm = new InferenceRegionAlarm(stack, 'Residency', { logGroup: orgTrailLogs(stack), topic });
    const template = Template.fromStack(stack);
    expect(alarm.topic).toBe(topic);
    expect(alarm.topicKey).toBeUndefined();
    template.resourceCountIs('AWS::SNS::Topic', 0);
    template.resourceCountIs('AWS::KMS::Key', 0);
    template.allResourcesProperties('AWS::CloudWatch::Alarm', { AlarmActions: ['arn:aws:sns:ap-southeast-2:111122223333:ops-alerts'] });
    expect(Annotations.fromStack(stack).findInfo('*', Match.stringLikeRegexp('topic is imported'))).toHaveLength(1);
  });

  test('a topic from the same app gets the alarm publishing statement', () => {
    const stack = newStack();
    const topic = new sns.Topic(stack, 'Ops');
    new InferenceRegionAlarm(stack, 'Residency', { logGroup: orgTrailLogs(stack), topic, nearRealTime: false });
    Template.fromStack(stack).hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: { Statement: [Match.objectLike({ Sid: 'AllowCloudWatchAlarmsToPublish' })] },
    });
  });
});

describe('with a trail', () => {
  test('uses the trail\'s CloudWatch Logs log group', () => {
    const stack = newStack();
    const trail = new cloudtrail.Trail(stack, 'Trail', { sendToCloudWatchLogs: true, isOrganizationTrail: true });
    const alarm = new InferenceRegionAlarm(stack, 'Residency', { trail });
    expect(alarm.logGroup).toBe(trail.logGroup);
    const logGroupRef = { Ref: stack.getLogicalId(trail.logGroup!.node.defaultChild as any) };
    Template.fromStack(stack).allResourcesProperties('AWS::Logs::MetricFilter', { LogGroupName: logGroupRef });
  });

  test('a trail that does not send to CloudWatch Logs is a clear synth-time error', () => {
    const stack = newStack();
    const trail = new cloudtrail.Trail(stack, 'Trail');
    expect(errorOf(() => new InferenceRegionAlarm(stack, 'Residency', { trail }))).toMatch(
      /trail: the trail Test\/Trail does not send to CloudWatch Logs\. Create it with sendToCloudWatchLogs: true/);
  });

  test('logDataEvents adds the Bedrock data-event selectors and keeps management events', () => {
    const stack = newStack();
    const trail = new cloudtrail.Trail(stack, 'Trail', { sendToCloudWatchLogs: true });
    new InferenceRegionAlarm(stack, 'Residency', { trail, logDataEvents: true });
    const props = Object.values(Template.fromStack(stack).findResources('AWS::CloudTrail::Trail'))[0].Properties;
    expect(props.EventSelectors).toBeUndefined();
    expect(props.AdvancedEventSelectors[0]).toEqual({ Name: 'Management events', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] });
    expect(props.AdvancedEventSelectors.map((s: any) => s.FieldSelectors[1]?.Equals[0]).slice(1)).toEqual([
      'AWS::Bedrock::AsyncInvoke', 'AWS::Bedrock::Model', 'AWS::Bedrock::AgentAlias',
      'AWS::Bedrock::InlineAgent', 'AWS::Bedrock::FlowAlias', 'AWS::Bedrock::KnowledgeBase',
      'AWS::Bedrock::DataAutomationProfile', 'AWS::BedrockAgentCore::Gateway', 'AWS::AWSExternalAnthropic::Workspace',
    ]);
  });
});

describe('bad input is rejected at synth time, naming the prop and the accepted form', () => {
  const GOOD_ID = 'global.anthropic.claude-opus-4-5-20251101-v1:0';
  test.each<[string, Partial<InferenceRegionAlarmProps>, RegExp]>([
    ['unknown Region', { allowedInferenceRegions: ['ap-southeast-9'] }, /allowedInferenceRegions\[0\]: "ap-southeast-9" is not a known AWS commercial Region\. Use a Region code like ap-southeast-2/],
    ['Region typo', { allowedInferenceRegions: ['sydney'] }, /allowedInferenceRegions\[0\]: "sydney" is not a Region name/],
    ['empty Region list', { allowedInferenceRegions: [] }, /allowedInferenceRegions: must not be empty/],
    ['duplicate Region', { allowedInferenceRegions: ['ap-southeast-2', 'ap-southeast-2'] }, /allowedInferenceRegions\[1\]: "ap-southeast-2" is listed more than once/],
    ['non-global approved ID', { approvedGlobalModelIds: ['au.anthropic.claude-sonnet-4-5-20250929-v1:0'] }, /approvedGlobalModelIds\[0\]: "au\.anthropic\.claude-sonnet-4-5-20250929-v1:0" does not start with "global\.": only global\. models need approving here\. Use a bare global\. model ID like global\.anthropic/],
    ['ARN as approved ID', { approvedGlobalModelIds: [`arn:aws:bedrock:ap-southeast-2:111122223333:inference-profile/${GOOD_ID}`] }, /approvedGlobalModelIds\[0\]: ".*" is an ARN\. Use a bare global\. model ID/],
    ['wildcard in approved ID', { approvedGlobalModelIds: ['global.anthropic.*'] }, /approvedGlobalModelIds\[0\]: "global\.anthropic\.\*" is not a model ID/],
    ['threshold below 1', { threshold: 0 }, /threshold: must be a number of at least 1 \(calls per period\), got 0/],
    ['fractional period', { period: Duration.seconds(90) }, /period: must be a whole number of minutes, at least 1 .*got 90 seconds/],
    ['sub-minute period', { period: Duration.seconds(30) }, /period: must be a whole number of minutes/],
    ['zero evaluation periods', { evaluationPeriods: 0 }, /evaluationPeriods: must be an integer of at least 1, got 0/],
    ['datapoints above evaluation periods', { evaluationPeriods: 2, datapointsToAlarm: 3 }, /datapointsToAlarm: must not exceed evaluationPeriods \(2\), got 3/],
    ['datapoints above the default one period', { datapointsToAlarm: 2 }, /datapointsToAlarm: must not exceed evaluationPeriods \(1\), got 2/],
    ['AWS/ namespace', { metricNamespace: 'AWS/Bedrock' }, /metricNamespace: "AWS\/Bedrock" starts with "AWS\/", which is reserved/],
    ['empty namespace', { metricNamespace: '' }, /metricNamespace: "" is not a CloudWatch namespace/],
    ['data events without a trail', { logDataEvents: true }, /logDataEvents: needs trail/],
    ['too many approved IDs for one filter pattern', { approvedGlobalModelIds: Array.from({ length: 12 }, (_, i) => `global.vendor.model-${i}-v1:0`) }, /approvedGlobalModelIds: makes a filter pattern of \d+ characters; CloudWatch Logs accepts at most 1024/],
  ])('%s', (_name, props, message) => {
    const stack = newStack();
    const msg = errorOf(() => new InferenceRegionAlarm(stack, 'Residency', { logGroup: orgTrailLogs(stack), ...props }));
    expect(msg).toMatch(message);
    expect(msg).toMatch(/^InferenceRegionAlarm at Test\/Residency: invalid props/);
  });

  test('neither logGroup nor trail', () => {
    expect(errorOf(() => new InferenceRegionAlarm(newStack(), 'Residency', {}))).toMatch(
      /logGroup: give the CloudWatch Logs log group a CloudTrail trail delivers to \(logGroup\), or the trail itself \(trail\)/);
  });

  test('both logGroup and trail', () => {
    const stack = newStack();
    const trail = new cloudtrail.Trail(stack, 'Trail', { sendToCloudWatchLogs: true });
    expect(errorOf(() => new InferenceRegionAlarm(stack, 'Residency', { logGroup: trail.logGroup, trail }))).toMatch(
      /logGroup: give either logGroup or trail, not both/);
  });

  test('every problem is reported together', () => {
    const stack = newStack();
    const msg = errorOf(() => new InferenceRegionAlarm(stack, 'Residency', {
      logGroup: orgTrailLogs(stack),
      allowedInferenceRegions: ['ap-southeast2'],
      approvedGlobalModelIds: ['apac.x'],
      threshold: 0.5,
      evaluationPeriods: 1.5,
    }));
    expect(msg).toMatch(/invalid props \(4 problems\)/);
    for (const prop of ['allowedInferenceRegions[0]', 'approvedGlobalModelIds[0]', 'threshold', 'evaluationPeriods']) {
      expect(msg).toContain(`  - ${prop}: `);
    }
  });
});

describe('CDK tokens pass through', () => {
  test('a Region token is resolved at synth; a Region only CloudFormation knows is refused', () => {
    const stack = newStack();
    expect(errorOf(() => new InferenceRegionAlarm(stack, 'Refused', {
      logGroup: orgTrailLogs(stack), allowedInferenceRegions: ['ap-southeast-2', Fn.importValue('SecondAllowedRegion')],
    }))).toMatch(/allowedInferenceRegions\[1\]: is a deploy-time value \(Fn::ImportValue\) that cannot be checked at synth time/);
  });

  test('deploy-time namespace and thresholds; a Lazy Region', () => {
    const stack = newStack();
    const region = Lazy.string({ produce: () => 'ap-southeast-4' });
    const alarm = new InferenceRegionAlarm(stack, 'Residency', {
      logGroup: logs.LogGroup.fromLogGroupName(stack, 'Imported', Fn.importValue('OrgTrailLogGroup')),
      allowedInferenceRegions: ['ap-southeast-2', region],
      metricNamespace: Fn.importValue('Namespace'),
      threshold: Token.asNumber(Fn.importValue('Threshold')),
      evaluationPeriods: Token.asNumber(Fn.importValue('EvaluationPeriods')),
      datapointsToAlarm: 1,
    });
    const template = Template.fromStack(stack);
    const filter = Object.values(template.findResources('AWS::Logs::MetricFilter'))[0].Properties;
    expect(filter.LogGroupName).toEqual({ 'Fn::ImportValue': 'OrgTrailLogGroup' });
    expect(JSON.stringify(filter.FilterPattern)).toContain('ap-southeast-4');
    template.allResourcesProperties('AWS::CloudWatch::Alarm', {
      Threshold: { 'Fn::ImportValue': 'Threshold' }, EvaluationPeriods: { 'Fn::ImportValue': 'EvaluationPeriods' },
    });
    expect(alarm.servedOutsideRule).toBeDefined();
  });

  test('a deploy-time list cannot be written into a filter pattern', () => {
    const stack = newStack();
    expect(errorOf(() => new InferenceRegionAlarm(stack, 'Residency', {
      logGroup: orgTrailLogs(stack),
      allowedInferenceRegions: Fn.split(',', Fn.importValue('Regions')),
    }))).toMatch(/allowedInferenceRegions: is a deploy-time list; .* give a literal list/);
  });
});
