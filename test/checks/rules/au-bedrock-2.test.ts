import { Aws, Fn } from 'aws-cdk-lib';
import * as bedrock from 'aws-cdk-lib/aws-bedrock';
import { AU_BEDROCK_2 } from '../../../src/checks/rules/au-bedrock-2-foreign-inference-profiles';
import { ACCOUNT, policyWith, roleWith, ruleCounts, runRule, summary, sydneyApp, validateApp } from '../helpers';

const profileArn = (id: string) => `arn:aws:bedrock:ap-southeast-2:${ACCOUNT}:inference-profile/${id}`;

describe('AuBedrock2: inference profiles that route outside Australia (CDK app)', () => {
  test('an apac. grant fails with the catalog\'s reason and its alternatives', () => {
    const { app, stack } = sydneyApp();
    roleWith(stack, { actions: ['bedrock:InvokeModel'], resources: [profileArn('apac.anthropic.claude-3-5-sonnet-20240620-v1:0')] });
    const report = validateApp(app);
    expect(report.success).toBe(false);
    expect(summary(report)).toEqual([expect.stringMatching(
      /^AuBedrock2 error: Inference profiles that route outside Australia: grants bedrock:InvokeModel on ".*apac\.anthropic\.claude-3-5-sonnet.*": .*names the apac\. profile of Claude 3\.5 Sonnet, which can serve a Sydney call in Tokyo \(ap-northeast-1\)/,
    )]);
    expect(report.violations[0].fix).toMatch(/^Use a model with an Australian path: Claude Opus 4\.7 \(au\.anthropic\.claude-opus-4-7\), Claude Sonnet 4\.6 \(au\.anthropic\.claude-sonnet-4-6\)/);
  });

  test('a foreign profile of a model that has an au. profile names the au. one to use', () => {
    const { app, stack } = sydneyApp();
    roleWith(stack, { actions: ['bedrock:InvokeModel'], resources: [profileArn('global.anthropic.claude-sonnet-4-5-20250929-v1:0')] });
    const [v] = validateApp(app).violations;
    expect(v.description).toMatch(/names the global\. profile of Claude Sonnet 4\.5, which can serve a Sydney call in any commercial Region worldwide/);
    expect(v.fix).toBe('Use a model with an Australian path: Claude Sonnet 4.5 (au.anthropic.claude-sonnet-4-5-20250929-v1:0).');
  });

  test.each([
    ['us.meta.llama3-3-70b-instruct-v1:0', /us\. profile/],
    ['eu.mistral.pixtral-large-2502-v1:0', /eu\. profile|eu\. inference profile/],
    ['jp.anthropic.claude-sonnet-4-5-20250929-v1:0', /jp\. profile|jp\. inference profile/],
  ])('%s fails', (id, reason) => {
    const { app, stack } = sydneyApp();
    roleWith(stack, { actions: ['bedrock:InvokeModelWithResponseStream'], resources: [profileArn(id)] });
    expect(summary(validateApp(app))).toEqual([expect.stringMatching(reason)]);
  });

  test('wildcards that cover non-au. profiles fail and list the prefixes', () => {
    const { app, stack } = sydneyApp();
    roleWith(stack, { actions: ['bedrock:InvokeModel'], resources: [`arn:aws:bedrock:ap-southeast-2:${ACCOUNT}:inference-profile/*`] });
    roleWith(stack, { actions: ['bedrock:InvokeModel'], resources: [`arn:aws:bedrock:ap-southeast-2:${ACCOUNT}:inference-profile/a*`] }, 'Second');
    const lines = summary(validateApp(app));
    expect(lines).toEqual([
      expect.stringMatching(/inference-profile\/\*": it covers apac\. \(Tokyo .*\); jp\..*; global\. \(any commercial Region worldwide\) inference profiles$/),
      // a* reaches apac. but not au. itself: the finding names apac. only
      expect.stringMatching(/inference-profile\/a\*": it covers apac\. \([^;]*\) inference profiles$/),
    ]);
  });

  test('an application inference profile defined elsewhere is a warning; one in the same template is checked by AuBedrock4 instead', () => {
    const { app, stack } = sydneyApp();
    roleWith(stack, { actions: ['bedrock:InvokeModel'], resources: [`arn:aws:bedrock:ap-southeast-2:${ACCOUNT}:application-inference-profile/a1b2c3d4e5f6`] });
    const local = new bedrock.CfnApplicationInferenceProfile(stack, 'AppProfile', {
      inferenceProfileName: 'summariser',
      modelSource: { copyFrom: profileArn('au.anthropic.claude-sonnet-4-5-20250929-v1:0') },
    });
    roleWith(stack, { actions: ['bedrock:InvokeModel'], resources: [local.attrInferenceProfileArn] }, 'LocalUser');
    const report = validateApp(app);
    expect(report.success).toBe(true); // warnings do not fail the report
    expect(summary(report)).toEqual([
      expect.stringMatching(/^AuBedrock2 warning: .*cannot verify: .* application inference profile ".*a1b2c3d4e5f6", which may wrap an apac\. or global\. profile/),
    ]);
  });

  test('compliant: au. profiles, named or by prefix wildcard, and intrinsics CDK writes for env-agnostic stacks', () => {
    const { app, stack } = sydneyApp();
    roleWith(stack, {
      actions: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'],
      resources: [
        profileArn('au.anthropic.claude-sonnet-4-5-20250929-v1:0'),
        `arn:aws:bedrock:ap-southeast-2:${ACCOUNT}:inference-profile/au.*`,
        `arn:${Aws.PARTITION}:bedrock:ap-southeast-2:${Aws.ACCOUNT_ID}:inference-profile/au.anthropic.claude-haiku-4-5-20251001-v1:0`,
      ],
    });
    expect(ruleCounts(validateApp(app))).toEqual({});
  });

  test('a profile ID that is a deploy-time value is a warning', () => {
    const { app, stack } = sydneyApp();
    roleWith(stack, { actions: ['bedrock:InvokeModel'], resources: [`arn:aws:bedrock:ap-southeast-2:${ACCOUNT}:inference-profile/${Fn.importValue('ProfileId')}`] });
    expect(summary(validateApp(app))).toEqual([expect.stringMatching(/^AuBedrock2 warning: .*cannot verify: .*whose profile ID is a deploy-time value that could be apac\., jp\./)]);
  });
});

describe('AuBedrock2 on template fragments', () => {
  const grant = (Resource: unknown) => runRule(AU_BEDROCK_2, 'AWS::IAM::Policy', policyWith({ Effect: 'Allow', Action: ['bedrock:InvokeModel'], Resource }));

  test('the Fn::Join form of an au. profile ARN is understood', () => {
    expect(grant({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':bedrock:ap-southeast-2:', { Ref: 'AWS::AccountId' }, ':inference-profile/au.x']] })).toEqual([]);
  });

  test('the Fn::Join form of an apac. profile ARN fails, the Fn::Sub form too', () => {
    expect(grant({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':bedrock:ap-southeast-2:', { Ref: 'AWS::AccountId' }, ':inference-profile/apac.x']] }))
      .toEqual([expect.objectContaining({ severity: 'error', message: expect.stringMatching(/on "arn:aws:bedrock:ap-southeast-2:\$\{AWS::AccountId\}:inference-profile\/apac\.x": apac\.x is routed by the apac\. system inference profile: a Sydney call can be served in Tokyo/) })]);
    expect(grant({ 'Fn::Sub': 'arn:${AWS::Partition}:bedrock:${AWS::Region}:${AWS::AccountId}:inference-profile/global.${ModelId}' }))
      .toEqual([expect.objectContaining({ severity: 'error', location: 'Properties/PolicyDocument/Statement/0/Resource' })]);
  });

  test('an array Resource reports each element at its index', () => {
    expect(grant(['arn:aws:bedrock:ap-southeast-2:1:inference-profile/au.x', 'arn:aws:bedrock:ap-southeast-2:1:inference-profile/us.x']).map((f) => f.location))
      .toEqual(['Properties/PolicyDocument/Statement/0/Resource/1']);
  });

  test('"*" is AuBedrock1\'s finding, not this rule\'s', () => {
    expect(grant('*')).toEqual([]);
  });
});
