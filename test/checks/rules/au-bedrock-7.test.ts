import * as iam from 'aws-cdk-lib/aws-iam';
import { AU_BEDROCK_7 } from '../../../src/checks/rules/au-bedrock-7-claude-platform';
import { ACCOUNT, policyWith, roleWith, runRule, summary, sydneyApp, validateApp } from '../helpers';

const workspace = (region: string) => `arn:aws:aws-external-anthropic:${region}:${ACCOUNT}:workspace/ws-1`;

describe('AuBedrock7: Claude Platform on AWS (CDK app)', () => {
  test.each([
    ['aws-external-anthropic:CreateInference', '*'],
    ['aws-external-anthropic:CreateInference', workspace('ap-southeast-2')],
    ['aws-external-anthropic:*', workspace('us-west-2')],
    ['aws-external-anthropic:Create*', workspace('*')],
  ])('%s on %s fails, even in Sydney', (action, resource) => {
    const { app, stack } = sydneyApp();
    roleWith(stack, { actions: [action], resources: [resource] });
    const report = validateApp(app);
    expect(summary(report)).toEqual([expect.stringMatching(/^AuBedrock7 error: .*Claude Platform on AWS may process prompts outside AWS and outside Australia/)]);
    expect(report.violations[0].fix).toMatch(/Amazon Bedrock with an au\. inference profile/);
  });

  test('a grant pinned to Australian Regions still fails: the Region does not keep the data in AWS', () => {
    const { app, stack } = sydneyApp();
    roleWith(stack, {
      actions: ['aws-external-anthropic:CreateInference'],
      resources: ['*'],
      conditions: { StringEquals: { 'aws:RequestedRegion': 'ap-southeast-2' } },
    });
    expect(summary(validateApp(app))).toEqual([expect.stringMatching(/^AuBedrock7 error/)]);
  });

  test('compliant: read and list actions, and a Deny of aws-external-anthropic:*', () => {
    const { app, stack } = sydneyApp();
    const role = roleWith(stack, { actions: ['aws-external-anthropic:Get*', 'aws-external-anthropic:List*'], resources: ['*'] });
    role.addToPolicy(new iam.PolicyStatement({ effect: iam.Effect.DENY, actions: ['aws-external-anthropic:*'], resources: ['*'] }));
    expect(validateApp(app).violations).toEqual([]);
  });
});

describe('AuBedrock7 on template fragments', () => {
  test('a workspace ARN from parameters is still an error when its service is certain; a bucket is not Claude Platform', () => {
    const grant = (Resource: unknown) =>
      runRule(AU_BEDROCK_7, 'AWS::IAM::Policy', policyWith({ Effect: 'Allow', Action: 'aws-external-anthropic:CreateInference', Resource }));
    expect(grant({ 'Fn::Sub': 'arn:${AWS::Partition}:aws-external-anthropic:${AWS::Region}:${AWS::AccountId}:workspace/w' }))
      .toEqual([expect.objectContaining({ severity: 'error' })]);
    expect(grant('arn:aws:s3:::bucket/*')).toEqual([]);
  });
});
