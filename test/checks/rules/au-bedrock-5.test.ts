import * as iam from 'aws-cdk-lib/aws-iam';
import { AU_BEDROCK_5 } from '../../../src/checks/rules/au-bedrock-5-mantle-outside-australia';
import { ACCOUNT, policyWith, roleWith, runRule, summary, sydneyApp, validateApp } from '../helpers';

const project = (region: string) => `arn:aws:bedrock-mantle:${region}:${ACCOUNT}:project/proj-1`;

describe('AuBedrock5: Bedrock Mantle outside Australia (CDK app)', () => {
  test('the AmazonBedrockMantleInferenceAccess shape (both actions on "*") fails', () => {
    const { app, stack } = sydneyApp();
    roleWith(stack, { actions: ['bedrock-mantle:CreateInference', 'bedrock-mantle:CallWithBearerToken'], resources: ['*'] });
    const report = validateApp(app);
    expect(report.success).toBe(false);
    expect(summary(report)).toEqual([
      'AuBedrock5 error: Bedrock Mantle outside Australia: grants bedrock-mantle:CreateInference, bedrock-mantle:CallWithBearerToken on "*": Bedrock Mantle in every Region',
    ]);
    expect(report.violations[0].fix).toMatch(/arn:aws:bedrock-mantle:ap-southeast-2:ACCOUNT:project\/ID/);
  });

  test.each([
    ['bedrock-mantle:*', project('us-east-1'), /Bedrock Mantle in us-east-1$/],
    ['bedrock-mantle:CreateInference', project('*'), /Bedrock Mantle in every Region$/],
    ['bedrock-mantle:Create*', project('ap-southeast-1'), /Bedrock Mantle in Singapore \(ap-southeast-1\)$/],
    ['bedrock-mantle:*', 'arn:aws:bedrock*:*:*:*', /Bedrock Mantle in every Region$/],
  ])('%s on %s fails', (action, resource, reason) => {
    const { app, stack } = sydneyApp();
    roleWith(stack, { actions: [action], resources: [resource] });
    expect(summary(validateApp(app), 'AuBedrock5')).toEqual([expect.stringMatching(reason)]);
  });

  test('NotResource on a Mantle Allow fails', () => {
    const { app, stack } = sydneyApp();
    roleWith(stack, { actions: ['bedrock-mantle:CreateInference'], notResources: [project('us-east-1')] });
    expect(summary(validateApp(app))).toEqual([expect.stringMatching(/AuBedrock5 error: .*on every resource except \[.*us-east-1.*\] \(NotResource\)/)]);
  });

  test('compliant: projects in Sydney and Melbourne, a grant pinned by aws:RequestedRegion, Mantle read-only actions', () => {
    const { app, stack } = sydneyApp();
    const role = roleWith(stack, { actions: ['bedrock-mantle:CreateInference'], resources: [project('ap-southeast-2'), project('ap-southeast-4')] });
    role.addToPolicy(new iam.PolicyStatement({
      actions: ['bedrock-mantle:CallWithBearerToken'],
      resources: ['*'],
      conditions: { StringEquals: { 'aws:RequestedRegion': 'ap-southeast-2' } },
    }));
    role.addToPolicy(new iam.PolicyStatement({ actions: ['bedrock-mantle:ListProjects'], resources: ['*'] }));
    expect(validateApp(app).violations).toEqual([]);
  });
});

describe('AuBedrock5 on template fragments', () => {
  const grant = (Resource: unknown) =>
    runRule(AU_BEDROCK_5, 'AWS::IAM::Policy', policyWith({ Effect: 'Allow', Action: 'bedrock-mantle:CreateInference', Resource }));

  test('a Region from AWS::Region is a warning; a Sydney project written with Fn::Sub passes', () => {
    expect(grant({ 'Fn::Sub': 'arn:${AWS::Partition}:bedrock-mantle:${AWS::Region}:${AWS::AccountId}:project/p' }))
      .toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/whose Region is a deploy-time value/) })]);
    expect(grant({ 'Fn::Sub': 'arn:${AWS::Partition}:bedrock-mantle:ap-southeast-2:${AWS::AccountId}:project/p' })).toEqual([]);
  });

  test('bedrock: ARNs are not Mantle', () => {
    expect(grant('arn:aws:bedrock:us-east-1::foundation-model/x')).toEqual([]);
  });
});
