import * as iam from 'aws-cdk-lib/aws-iam';
import { AU_BEDROCK_15 } from '../../../src/checks/rules/au-bedrock-15-agent-registry-outside-australia';
import { AGENT_REGISTRY_DATA_ACTIONS } from '../../../src/core/checks/service-actions';
import { ACCOUNT, policyWith, roleWith, runRule, summary, sydneyApp, validateApp } from '../helpers';

const registry = (region: string) => `arn:aws:agent-registry:${region}:${ACCOUNT}:registry/reg-1`;

describe('AuBedrock15: Agent Registry outside Australia (CDK app)', () => {
  test.each([
    ['agent-registry:SearchDiscoverableRegistryRecords', '*', /Agent Registry in every Region$/],
    ['agent-registry:CreateRegistryRecord', registry('us-east-1'), /Agent Registry in us-east-1$/],
    ['agent-registry:*', registry('*'), /Agent Registry in every Region$/],
  ])('%s on %s fails', (action, resource, reason) => {
    const { app, stack } = sydneyApp();
    roleWith(stack, { actions: [action], resources: [resource] });
    const report = validateApp(app);
    expect(summary(report)).toEqual([expect.stringMatching(reason)]);
    expect(report.violations[0].fix).toMatch(/arn:aws:agent-registry:ap-southeast-2/);
  });

  test('compliant: registries in Sydney, a grant pinned by aws:RequestedRegion, plain reads on "*"', () => {
    const { app, stack } = sydneyApp();
    const role = roleWith(stack, { actions: ['agent-registry:InvokeRegistryMcp'], resources: [registry('ap-southeast-2')] });
    role.addToPolicy(new iam.PolicyStatement({
      actions: ['agent-registry:*'], resources: ['*'], conditions: { StringEquals: { 'aws:RequestedRegion': ['ap-southeast-2'] } },
    }));
    role.addToPolicy(new iam.PolicyStatement({ actions: ['agent-registry:GetRegistryRecord', 'agent-registry:ListRegistries'], resources: ['*'] }));
    expect(validateApp(app).violations).toEqual([]);
  });

  test('the action list comes from the Service Authorization Reference: content actions in, plain reads out', () => {
    expect(AGENT_REGISTRY_DATA_ACTIONS).toEqual(expect.arrayContaining([
      'agent-registry:CreateRegistryRecord', 'agent-registry:UpdateRegistryRecord', 'agent-registry:SearchDiscoverableRegistryRecords', 'agent-registry:InvokeRegistryMcp',
    ]));
    expect(AGENT_REGISTRY_DATA_ACTIONS).not.toContain('agent-registry:GetRegistryRecord');
    expect(runRule(AU_BEDROCK_15, 'AWS::IAM::Policy', policyWith({ Effect: 'Allow', Action: 'agent-registry:CreateRegistryRecord', Resource: 'arn:aws:s3:::bucket/*' }))).toEqual([]);
  });
});
