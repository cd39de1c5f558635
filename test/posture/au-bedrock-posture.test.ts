import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { AuBedrockPosture, ControlTowerRoles, PostureScpMode, ResidencyPolicies } from '../../src';
import { newStack } from '../helpers/stack';
import { ACCOUNT, foundationModelArn, systemProfileArn } from '../integ/decision-table/legs';
import { simulate } from '../integ/decision-table/simulate';

const OU = 'ou-ab12-34cd56ef';

describe('AuBedrockPosture', () => {
  test('one line: one SCP in one slot, Control Tower roles exempt, nothing else created', () => {
    const stack = newStack();
    const posture = new AuBedrockPosture(stack, 'Posture', { targetIds: [OU] });
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::Organizations::Policy', 1);
    expect(Object.keys(t.toJSON().Resources)).toHaveLength(1);
    const content = Object.values(t.findResources('AWS::Organizations::Policy'))[0].Properties.Content;
    expect(content).toEqual(ResidencyPolicies.posture({ exemptPrincipalArns: ControlTowerRoles.arnPatterns() }));
    expect(posture.exemptPrincipalArns).toEqual([
      'arn:aws:iam::*:role/AWSControlTowerExecution',
      'arn:aws:iam::*:role/aws-controltower-ConfigRecorderRole',
      'arn:aws:iam::*:role/aws-controltower-ForwardSnsNotificationRole',
      'arn:aws:iam::*:role/AWSControlTower_VPCFlowLogsRole',
    ]);
  });

  test('the Control Tower execution role is exempt under the posture; a workload role is not', async () => {
    const stack = newStack();
    new AuBedrockPosture(stack, 'Posture', { targetIds: [OU] });
    const policy = Object.values(Template.fromStack(stack).findResources('AWS::Organizations::Policy'))[0].Properties.Content;
    const tokyoLeg = (principal: string) => ({
      principal, action: 'bedrock:ListFoundationModels', resource: '*', context: { 'aws:RequestedRegion': 'ap-northeast-1' },
    });
    expect((await simulate(tokyoLeg(`arn:aws:iam::${ACCOUNT}:role/aws-controltower-ConfigRecorderRole`), [{ name: 'p', policy }])).decision).toBe('Allowed');
    expect((await simulate(tokyoLeg(`arn:aws:iam::${ACCOUNT}:role/workload-app`), [{ name: 'p', policy }])).decision).toBe('Denied');
  });

  test('Control Tower roles and three break-glass roles: one SCP, exemptions on the administration statements only', () => {
    const posture = new AuBedrockPosture(newStack(), 'Posture', {
      targetIds: ['ou-ab12-34cd56ef'],
      exemptPrincipalArns: ['arn:aws:iam::*:role/BreakGlassAdmin', 'arn:aws:iam::*:role/BreakGlassReadOnly', 'arn:aws:iam::*:role/IncidentResponder'],
    });
    const [scp] = posture.scps;
    expect(scp.policies).toHaveLength(1);
    expect(scp.sizeChars).toBeLessThanOrEqual(10240);
    const carrying = (scp.policy.content as any).Statement.filter((s: any) => s.Condition?.ArnNotLike?.['aws:PrincipalArn']).map((s: any) => s.Sid);
    expect(carrying).toEqual(['DenyBedrockOutsideResidencyRegions', 'DenyBedrockOutsideAllowedRegions']);
  });

  test('the 2026 surface options reach the Region lock in both modes', () => {
    const options = {
      targetIds: ['ou-ab12-34cd56ef'],
      allowClaudePlatformOnAws: true,
      denyLongTermApiKeys: true,
      serviceSideInference: { denyAgentCoreMemoryChanges: true },
    };
    for (const scpMode of [PostureScpMode.SINGLE_POLICY, PostureScpMode.SEPARATE_POLICIES]) {
      const stack = newStack();
      const posture = new AuBedrockPosture(stack, 'Posture', { ...options, scpMode });
      const sids = posture.scps.flatMap((p) => (p.policy.content as any).Statement.map((x: any) => x.Sid));
      expect(sids).not.toContain('DenyClaudePlatformOnAws');
      expect(sids).toEqual(expect.arrayContaining(['DenyLongTermBedrockApiKeys', 'DenyAgentCoreMemoryChanges', 'DenyUnapprovedGuardrailAndDataAutomationProfiles']));
    }
  });

  test('hundreds of targets stay one resource', () => {
    const stack = newStack();
    const targets = Array.from({ length: 300 }, (_, i) => `ou-ab12-${String(i).padStart(8, '0')}`);
    new AuBedrockPosture(stack, 'Posture', { targetIds: targets, exemptControlTowerRoles: false });
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::Organizations::Policy', 1);
    expect(Object.values(t.findResources('AWS::Organizations::Policy'))[0].Properties.TargetIds).toHaveLength(300);
  });

  test('separate policies, detection and an invoker, all switchable', () => {
    const stack = newStack();
    const logGroup = new logs.LogGroup(stack, 'TrailLogs');
    const posture = new AuBedrockPosture(stack, 'Posture', {
      targetIds: [OU],
      scpMode: PostureScpMode.SEPARATE_POLICIES,
      policyName: 'bedrock-au',
      exemptPrincipalArns: ['arn:aws:iam::*:role/BreakGlass'],
      detection: { logGroup },
      invoker: { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'), models: ['Nova Pro'] },
    });
    const t = Template.fromStack(stack);
    const names = Object.values(t.findResources('AWS::Organizations::Policy')).map((r) => r.Properties.Name);
    expect(names).toEqual(['bedrock-au-inference-profiles', 'bedrock-au-regions']);
    // Two Bedrock model signals, and Mantle, AgentCore, Claude Platform and non-au. profile configuration.
    t.resourceCountIs('AWS::Logs::MetricFilter', 6);
    t.resourceCountIs('AWS::CloudWatch::Alarm', 6);
    expect(posture.alarm).toBeDefined();
    expect(posture.invoker?.modelId).toBe('amazon.nova-pro-v1:0');
    // The posture's stack lives in the management account or a delegated administrator: say so.
    Annotations.fromStack(stack).hasWarning('/Test/Posture', Match.stringLikeRegexp('invoker: the role is created in this posture\'s stack.*management account.*SovereignBedrockInvoker in the workload account'));
    posture.addTarget('123456789012');
    for (const scp of posture.scps) expect(scp.targetIds).toEqual([OU, '123456789012']);
  });

  test('no SCPs at all is allowed when something else is created, and rejected otherwise', () => {
    const stack = newStack();
    new AuBedrockPosture(stack, 'Detect', { targetIds: [OU], scpMode: PostureScpMode.NONE, detection: { logGroup: new logs.LogGroup(stack, 'L') } });
    Template.fromStack(stack).resourceCountIs('AWS::Organizations::Policy', 0);
    expect(() => new AuBedrockPosture(newStack(), 'Nothing', { targetIds: [OU], scpMode: PostureScpMode.NONE }))
      .toThrow(/AuBedrockPosture at Test\/Nothing: invalid props \(1 problem\):\n {2}- scpMode: NONE with neither detection nor invoker leaves nothing to create/);
  });

  test('bad input for the parts is reported as the posture\'s, at the posture\'s path', () => {
    expect(() => new AuBedrockPosture(newStack(), 'Posture', { targetIds: ['ou-nope'], allowedRegions: ['ap-southeast2'] }))
      .toThrow(/^AuBedrockPosture at Test\/Posture: invalid props \(2 problems\):\n {2}- targetIds\[0\]: "ou-nope".*\n {2}- allowedRegions\[0\]: "ap-southeast2"/);
  });

  test('the invoker under the posture: au. Melbourne leg allowed, apac. denied', async () => {
    const stack = newStack();
    new AuBedrockPosture(stack, 'Posture', { targetIds: [OU] });
    const policy = Object.values(Template.fromStack(stack).findResources('AWS::Organizations::Policy'))[0].Properties.Content;
    const SONNET = 'anthropic.claude-sonnet-4-5-20250929-v1:0';
    const leg = (prefix: string, region: string) => ({
      principal: `arn:aws:iam::${ACCOUNT}:role/workload-app`,
      action: 'bedrock:InvokeModel',
      resource: foundationModelArn(region, SONNET),
      context: { 'aws:RequestedRegion': region, 'bedrock:InferenceProfileArn': systemProfileArn('ap-southeast-2', prefix, SONNET) },
    });
    expect((await simulate(leg('au.', 'ap-southeast-4'), [{ name: 'p', policy }])).decision).toBe('Allowed');
    expect((await simulate(leg('apac.', 'ap-northeast-1'), [{ name: 'p', policy }])).decision).toBe('Denied');
  });
});

describe('AuBedrockPosture in a Control Tower organization', () => {
  test('OU paths resolve at deploy time through one shared function, and the slot guard runs before attachment', () => {
    const stack = newStack();
    const posture = new AuBedrockPosture(stack, 'Posture', {
      targetIds: [OU],
      organizationalUnitPaths: ['Root/Workloads/Prod', 'Root/Workloads/Dev'],
      guardScpSlots: true,
    });
    const t = Template.fromStack(stack);
    t.resourceCountIs('Custom::OrganizationalUnitPath', 2);
    t.resourceCountIs('Custom::ScpSlotGuard', 1);
    const policy = Object.entries(t.findResources('AWS::Organizations::Policy'))[0][1];
    expect(policy.Properties.TargetIds).toEqual([OU, ...posture.organizationalUnitPaths.map((p) => stack.resolve(p.organizationalUnitId))]);
    const guardId = Object.keys(t.findResources('Custom::ScpSlotGuard'))[0];
    expect(policy.DependsOn).toContain(guardId);
  });

  test('targets are required unless no SCP is emitted', () => {
    expect(() => new AuBedrockPosture(newStack(), 'Posture', {}))
      .toThrow(/targetIds: give targetIds \(ou-\.\.\., account IDs, r-\.\.\.\) or organizationalUnitPaths/);
  });
});
