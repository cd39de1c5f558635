import { App, Stack } from 'aws-cdk-lib';
import * as bedrock from 'aws-cdk-lib/aws-bedrock';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AU_BEDROCK_3 } from '../../../src/checks/rules/au-bedrock-3-foreign-foundation-models';
import { ACCOUNT, policyWith, roleWith, runRule, summary, sydneyApp, validateApp } from '../helpers';

const OPUS_45 = 'anthropic.claude-opus-4-5-20251101-v1:0';

describe('AuBedrock3: models outside Australia (CDK app)', () => {
  test('the Region-less global model ARN fails: it is the model leg of a global. call', () => {
    const { app, stack } = sydneyApp();
    roleWith(stack, { actions: ['bedrock:InvokeModel'], resources: [`arn:aws:bedrock:::foundation-model/${OPUS_45}`] });
    const report = validateApp(app);
    expect(report.success).toBe(false);
    expect(summary(report)).toEqual([
      `AuBedrock3 error: Models outside Australia: grants bedrock:InvokeModel on "arn:aws:bedrock:::foundation-model/${OPUS_45}": the Region-less ARN is the model leg of a global. cross-Region call, which can be served in any commercial Region worldwide`,
    ]);
  });

  test.each([
    ['arn:aws:bedrock:ap-northeast-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0', /models served in Tokyo \(ap-northeast-1\)$/],
    ['arn:aws:bedrock:us-east-1::foundation-model/*', /models served in us-east-1$/],
    ['arn:aws:bedrock:*::foundation-model/amazon.nova-pro-v1:0', /models served in every Region, including the Region-less ARN of global\. model legs$/],
    ['arn:aws:bedrock:ap-*::foundation-model/*', /models served in ap-east-1, ap-east-2, Tokyo \(ap-northeast-1\), Seoul \(ap-northeast-2\) and 8 more$/],
    [`arn:aws:bedrock:us-west-2:${ACCOUNT}:provisioned-model/abc123`, /models served in us-west-2$/],
  ])('%s fails', (resource, reason) => {
    const { app, stack } = sydneyApp();
    roleWith(stack, { actions: ['bedrock:InvokeModel'], resources: [resource] });
    expect(summary(validateApp(app))).toEqual([expect.stringMatching(reason)]);
  });

  test('aws-cdk-lib\'s FoundationModel in an environment-agnostic stack: the Region is a deploy-time value, a warning', () => {
    const app = new App();
    const stack = new Stack(app, 'Agnostic');
    const model = bedrock.FoundationModel.fromFoundationModelId(stack, 'Nova', new bedrock.FoundationModelIdentifier('amazon.nova-pro-v1:0'));
    roleWith(stack, { actions: ['bedrock:InvokeModel'], resources: [model.modelArn] });
    const report = validateApp(app);
    expect(report.success).toBe(true);
    expect(summary(report)).toEqual([expect.stringMatching(
      /^AuBedrock3 warning: .*cannot verify: grants bedrock:InvokeModel on "arn:aws:bedrock:\$\{AWS::Region\}::foundation-model\/amazon\.nova-pro-v1:0", whose Region is a deploy-time value/,
    )]);
    expect(report.violations[0].fix).toMatch(/explicit env \(region: ap-southeast-2\)/);
  });

  test('compliant: models in Sydney and Melbourne, FoundationModel in a Sydney stack, grants scoped to Australian Regions', () => {
    const { app, stack } = sydneyApp();
    const nova = bedrock.FoundationModel.fromFoundationModelId(stack, 'Nova', new bedrock.FoundationModelIdentifier('amazon.nova-pro-v1:0'));
    const role = roleWith(stack, {
      actions: ['bedrock:InvokeModel'],
      resources: [
        'arn:aws:bedrock:ap-southeast-2::foundation-model/*',
        'arn:aws:bedrock:ap-southeast-4::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0',
        `arn:aws:bedrock:ap-southeast-2:${ACCOUNT}:provisioned-model/abc123`,
      ],
    });
    role.addToPolicy(new iam.PolicyStatement({ actions: ['bedrock:InvokeModel'], resources: [nova.modelArn] }));
    expect(validateApp(app).violations).toEqual([]);
  });
});

describe('AuBedrock3 on template fragments', () => {
  const grant = (Resource: unknown, extra: Record<string, unknown> = {}) =>
    runRule(AU_BEDROCK_3, 'AWS::IAM::Policy', policyWith({ Effect: 'Allow', Action: 'bedrock:InvokeModel', Resource, ...extra }));

  test('the Region-less form written with Fn::Join', () => {
    expect(grant({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':bedrock:::foundation-model/', OPUS_45]] }))
      .toEqual([expect.objectContaining({ severity: 'error', message: expect.stringMatching(/Region-less ARN/) })]);
  });

  test('a Region from a parameter is a warning; an account from a parameter does not matter', () => {
    expect(grant({ 'Fn::Sub': 'arn:aws:bedrock:${Region}::foundation-model/amazon.nova-pro-v1:0' }))
      .toEqual([expect.objectContaining({ severity: 'warning' })]);
    expect(grant({ 'Fn::Sub': ['arn:aws:bedrock:ap-southeast-2:${Acct}:provisioned-model/x', { Acct: { Ref: 'AccountParam' } }] })).toEqual([]);
  });

  test('a statement pinned to Australia by aws:RequestedRegion is not reported', () => {
    expect(grant('arn:aws:bedrock:*::foundation-model/*', { Condition: { StringEquals: { 'aws:RequestedRegion': 'ap-southeast-2' } } })).toEqual([]);
  });

  test('non-Bedrock ARNs and non-model Bedrock resources are not models', () => {
    expect(grant('arn:aws:s3:::bucket/*')).toEqual([]);
    expect(grant('arn:aws:bedrock:us-east-1:1:agent/ABC')).toEqual([]);
    expect(grant('not-an-arn')).toEqual([]);
  });
});
