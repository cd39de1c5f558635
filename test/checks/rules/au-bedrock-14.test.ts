import * as sso from 'aws-cdk-lib/aws-sso';
import { AU_BEDROCK_14 } from '../../../src/checks/rules/au-bedrock-14-policies-defined-elsewhere';
import { runRule, summary, sydneyApp, validateApp } from '../helpers';

const INSTANCE = 'arn:aws:sso:::instance/ssoins-1111111111111111';

describe('AuBedrock14: policies defined outside the template (CDK app)', () => {
  test('a permission set with customer managed policy references is a warning per reference', () => {
    const { app, stack } = sydneyApp();
    new sso.CfnPermissionSet(stack, 'Set', {
      instanceArn: INSTANCE, name: 'Apps', customerManagedPolicyReferences: [{ name: 'bedrock-invoke' }, { name: 'agents', path: '/ml/' }],
    });
    const report = validateApp(app);
    expect(report.success).toBe(true);
    expect(summary(report)).toEqual([
      expect.stringMatching(/^AuBedrock14 warning: .*customer managed policy "bedrock-invoke"/),
      expect.stringMatching(/^AuBedrock14 warning: .*customer managed policy "agents"/),
    ]);
  });

  test('compliant: a permission set with AWS managed policies the checks know and nothing else', () => {
    const { app, stack } = sydneyApp();
    new sso.CfnPermissionSet(stack, 'Set', { instanceArn: INSTANCE, name: 'Readers', managedPolicies: ['arn:aws:iam::aws:policy/AmazonBedrockReadOnly', 'arn:aws:iam::aws:policy/ReadOnlyAccess'] });
    expect(validateApp(app).violations).toEqual([]);
  });
});

describe('AuBedrock14 on template fragments', () => {
  test('an AWS managed policy for Bedrock that the dated copy lacks is a warning; unrelated unknown ones are not', () => {
    expect(runRule(AU_BEDROCK_14, 'AWS::IAM::Role', { ManagedPolicyArns: ['arn:aws:iam::aws:policy/AmazonBedrockAgentCoreSomethingNew', 'arn:aws:iam::aws:policy/AmazonEC2FullAccess'] }))
      .toEqual([expect.objectContaining({ severity: 'warning', location: 'Properties/ManagedPolicyArns/0' })]);
  });
});
