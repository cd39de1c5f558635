import { Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { roleWith, ruleCounts, summary, sydneyApp, validateApp } from './helpers';
import { SovereignBedrockSuppressions } from '../../src';

function errorOf(fn: () => void): string {
  try { fn(); } catch (e) { return (e as Error).message; }
  throw new Error('expected an error');
}

const apacGrant = { actions: ['bedrock:InvokeModel'], resources: ['arn:aws:bedrock:ap-southeast-2:111122223333:inference-profile/apac.anthropic.claude-3-haiku-20240307-v1:0'] };

describe('suppressions, per resource, with a mandatory reason', () => {
  test('a suppression with a reason silences the rule on that resource only, and is kept in the report for audit', () => {
    const { app, stack } = sydneyApp();
    const accepted = roleWith(stack, apacGrant, 'Accepted');
    roleWith(stack, apacGrant, 'Other');
    SovereignBedrockSuppressions.addResourceSuppressions(accepted, [{ id: 'AuBedrock2', reason: 'Approved exception RISK-42 until 2027-01-01' }], true);
    const report = validateApp(app);
    expect(report.violations).toHaveLength(1);
    expect(report.violations[0].violatingResources.map((r) => r.resourceLogicalId)).toEqual([expect.stringMatching(/^OtherDefaultPolicy/)]);
    expect(report.metadata?.suppressedFindings).toMatch(/^AuBedrock2 on AcceptedDefaultPolicy\w+ \(Properties\/PolicyDocument\/Statement\/0\/Resource\): Approved exception RISK-42 until 2027-01-01$/);
  });

  test('the suppression is written to the template metadata in the cdk-nag shape', () => {
    const { app, stack } = sydneyApp();
    const role = roleWith(stack, apacGrant);
    SovereignBedrockSuppressions.addResourceSuppressions(role, [{ id: 'AuBedrock2', reason: 'first' }], true);
    SovereignBedrockSuppressions.addResourceSuppressions(role, [{ id: 'AuBedrock1', reason: 'second' }, { id: 'AuBedrock2', reason: ' replaced ' }], true);
    const template = stack.resolve((role.node.findChild('DefaultPolicy').node.defaultChild as any)._toCloudFormation());
    const metadata = Object.values<any>(template.Resources)[0].Metadata;
    expect(metadata.cdk_sovereign_bedrock).toEqual({ rules_to_suppress: [{ id: 'AuBedrock2', reason: 'replaced' }, { id: 'AuBedrock1', reason: 'second' }] });
    expect(validateApp(app).violations).toEqual([]);
  });

  test('without applyToChildren a role\'s suppression covers the role resource, not its DefaultPolicy', () => {
    const { app, stack } = sydneyApp();
    const role = roleWith(stack, apacGrant);
    SovereignBedrockSuppressions.addResourceSuppressions(role, [{ id: 'AuBedrock2', reason: 'wrong place' }]);
    expect(ruleCounts(validateApp(app))).toEqual({ AuBedrock2: 1 });
  });

  test('the helper refuses a missing reason, a blank reason and an unknown rule, all at once', () => {
    const { stack } = sydneyApp();
    const role = roleWith(stack, apacGrant);
    const msg = errorOf(() => SovereignBedrockSuppressions.addResourceSuppressions(role, [
      { id: 'AuBedrock2', reason: '' },
      { id: 'AuBedrock2' } as any,
      { id: 'AwsSolutions-IAM5', reason: 'not ours' },
    ], true));
    expect(msg).toMatch(/^SovereignBedrockSuppressions\.addResourceSuppressions at Workload\/AppRole: invalid props \(3 problems\)/);
    expect(msg).toContain('suppressions[0]: reason is required');
    expect(msg).toContain('suppressions[1]: reason is required');
    expect(msg).toMatch(/suppressions\[2\]: id "AwsSolutions-IAM5" is not a rule of these checks\. Use one of AuBedrock1, AuBedrock2, AuBedrock3, AuBedrock4, AuBedrock5/);
  });

  test('hand-written metadata without a reason suppresses nothing and is reported itself', () => {
    const { app, stack } = sydneyApp();
    const role = roleWith(stack, apacGrant);
    const policy = role.node.findChild('DefaultPolicy').node.defaultChild as iam.CfnPolicy;
    policy.addMetadata('cdk_sovereign_bedrock', { rules_to_suppress: [{ id: 'AuBedrock2' }, { id: 'AuBedrock3', reason: '   ' }] });
    const report = validateApp(app);
    expect(report.success).toBe(false);
    // The same problem twice on one resource is one violation with two locations.
    expect(summary(report).sort()).toEqual([
      expect.stringMatching(/^AuBedrock2 error: /),
      expect.stringMatching(/^AuBedrockSuppression error: Malformed suppression: suppression ignored: reason is required/),
    ]);
    const locations = report.violations.filter((v) => v.ruleName === 'AuBedrockSuppression').flatMap((v) => v.violatingResources[0].locations);
    expect(locations.sort()).toEqual(['Metadata/cdk_sovereign_bedrock/rules_to_suppress/0', 'Metadata/cdk_sovereign_bedrock/rules_to_suppress/1']);
  });

  test('a construct without a CloudFormation resource is refused', () => {
    const { stack } = sydneyApp();
    expect(errorOf(() => SovereignBedrockSuppressions.addResourceSuppressions(stack, [{ id: 'AuBedrock1', reason: 'r' }])))
      .toMatch(/construct: has no CloudFormation resource to suppress on/);
  });

  test('CDK\'s own app-wide acknowledgement uses the plugin name: cdk-sovereign-bedrock::AuBedrock2', () => {
    // Recorded as construct metadata; CDK filters the report by it when the plugin is registered (see plugin.test.ts).
    const { app } = sydneyApp();
    Validations.of(app).acknowledge({ id: 'cdk-sovereign-bedrock::AuBedrock2', reason: 'sandbox app' });
    expect(app.node.metadata.map((m) => m.data)).toEqual([{ 'cdk-sovereign-bedrock::AuBedrock2': 'sandbox app' }]);
  });
});
