import * as iam from 'aws-cdk-lib/aws-iam';
import { AU_BEDROCK_13 } from '../../../src/checks/rules/au-bedrock-13-broad-managed-policies';
import { runRule, summary, sydneyApp, validateApp } from '../helpers';

describe('AuBedrock13: broad AWS managed policies (CDK app)', () => {
  test('AdministratorAccess is a warning naming the SCPs as the control; the grant rules stay quiet', () => {
    const { app, stack } = sydneyApp();
    new iam.Role(stack, 'Admin', { assumedBy: new iam.AccountRootPrincipal(), managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AdministratorAccess')] });
    const report = validateApp(app);
    expect(report.success).toBe(true);
    expect(summary(report)).toEqual([expect.stringMatching(/^AuBedrock13 warning: .*attaches AdministratorAccess, .*only the residency SCPs keep/)]);
    expect(report.violations[0].fix).toMatch(/AuBedrockPosture/);
  });

  test('compliant: scoped managed policies', () => {
    const { app, stack } = sydneyApp();
    new iam.Role(stack, 'Reader', { assumedBy: new iam.AccountRootPrincipal(), managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('ReadOnlyAccess')] });
    expect(validateApp(app).violations).toEqual([]);
  });
});

describe('AuBedrock13 on template fragments', () => {
  test('a permission set and a GovCloud-partition ARN are read; a customer policy named AdministratorAccess is not AWS managed', () => {
    expect(runRule(AU_BEDROCK_13, 'AWS::SSO::PermissionSet', { ManagedPolicies: ['arn:aws-us-gov:iam::aws:policy/PowerUserAccess'] }))
      .toEqual([expect.objectContaining({ severity: 'warning', location: 'Properties/ManagedPolicies/0' })]);
    expect(runRule(AU_BEDROCK_13, 'AWS::IAM::Role', { ManagedPolicyArns: ['arn:aws:iam::111122223333:policy/AdministratorAccess'] })).toEqual([]);
  });
});
