import * as iam from 'aws-cdk-lib/aws-iam';
import { AU_BEDROCK_6 } from '../../../src/checks/rules/au-bedrock-6-agentcore-outside-australia';
import { ACCOUNT, policyWith, roleWith, runRule, summary, sydneyApp, validateApp } from '../helpers';

const runtime = (region: string) => `arn:aws:bedrock-agentcore:${region}:${ACCOUNT}:runtime/agent-1`;

describe('AuBedrock6: AgentCore outside Australia (CDK app)', () => {
  test.each([
    ['bedrock-agentcore:InvokeAgentRuntime', '*', /AgentCore in every Region$/],
    ['bedrock-agentcore:InvokeAgentRuntime', runtime('us-east-1'), /AgentCore in us-east-1$/],
    ['bedrock-agentcore:Invoke*', runtime('*'), /grants bedrock-agentcore:Invoke\* \(bedrock-agentcore:Invoke.* and \d+ more\) .*AgentCore in every Region$/],
    ['bedrock-agentcore:CreateEvent', 'arn:aws:bedrock-agentcore:ap-southeast-1:*:memory/*', /AgentCore in Singapore \(ap-southeast-1\)$/],
  ])('%s on %s fails', (action, resource, reason) => {
    const { app, stack } = sydneyApp();
    roleWith(stack, { actions: [action], resources: [resource] });
    const report = validateApp(app);
    expect(report.success).toBe(false);
    expect(summary(report)).toEqual([expect.stringMatching(reason)]);
    expect(report.violations[0].fix).toMatch(/arn:aws:bedrock-agentcore:ap-southeast-2/);
  });

  test('compliant: runtimes in Sydney and Melbourne, a grant pinned by aws:RequestedRegion, read and list actions on "*" (Get* is not: the SAR lists GetWorkloadAccessToken as Write)', () => {
    const { app, stack } = sydneyApp();
    const role = roleWith(stack, { actions: ['bedrock-agentcore:InvokeAgentRuntime'], resources: [runtime('ap-southeast-2'), runtime('ap-southeast-4')] });
    role.addToPolicy(new iam.PolicyStatement({
      actions: ['bedrock-agentcore:*'],
      resources: ['*'],
      conditions: { StringEquals: { 'aws:RequestedRegion': ['ap-southeast-2', 'ap-southeast-4'] } },
    }));
    role.addToPolicy(new iam.PolicyStatement({ actions: ['bedrock-agentcore:GetMemory', 'bedrock-agentcore:List*'], resources: ['*'] }));
    expect(validateApp(app).violations).toEqual([]);
  });
});

describe('AuBedrock6 on template fragments', () => {
  const grant = (Resource: unknown) =>
    runRule(AU_BEDROCK_6, 'AWS::IAM::Policy', policyWith({ Effect: 'Allow', Action: 'bedrock-agentcore:InvokeAgentRuntime', Resource }));

  test('a Region from AWS::Region is a warning; NotResource is an error; other services are not AgentCore', () => {
    expect(grant({ 'Fn::Sub': 'arn:${AWS::Partition}:bedrock-agentcore:${AWS::Region}:${AWS::AccountId}:runtime/r' }))
      .toEqual([expect.objectContaining({ severity: 'warning' })]);
    expect(runRule(AU_BEDROCK_6, 'AWS::IAM::Policy', policyWith({ Effect: 'Allow', Action: 'bedrock-agentcore:*', NotResource: runtime('us-east-1') })))
      .toEqual([expect.objectContaining({ severity: 'error', location: 'Properties/PolicyDocument/Statement/0/NotResource' })]);
    expect(grant('arn:aws:bedrock-mantle:us-east-1:111122223333:project/p')).toEqual([]);
  });
});
