import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { CfnPolicy } from 'aws-cdk-lib/aws-organizations';
import { AuBedrockResidencyScp, AuOnlyInferenceScp, OrganizationalUnitPath, RegionAllowlistScp, ScpSlotGuard } from '../../src';
import { newStack, validationErrors } from '../helpers/stack';

const OU = 'ou-ab12-34cd56ef';

function guardOf(template: Template): { id: string; props: any } {
  const guards = template.findResources('Custom::ScpSlotGuard');
  const ids = Object.keys(guards);
  expect(ids).toHaveLength(1);
  return { id: ids[0], props: guards[ids[0]].Properties };
}

function policyId(template: Template, name: string): string {
  return Object.keys(template.findResources('AWS::Organizations::Policy', { Properties: { Name: name } }))[0];
}

describe('ScpSlotGuard', () => {
  test('the policy depends on the guard, whose properties carry the policy, its targets and the limit', () => {
    const stack = newStack();
    const posture = new AuBedrockResidencyScp(stack, 'Posture', { targetIds: [OU], policyName: 'bedrock-au-residency' });
    ScpSlotGuard.protect(posture);
    const template = Template.fromStack(stack);
    const guard = guardOf(template);
    const policy = policyId(template, 'bedrock-au-residency');
    expect(guard.props).toEqual({
      ServiceToken: { 'Fn::GetAtt': [expect.stringMatching(/^CdkSovereignBedrockScpSlotGuardProviderframeworkonEvent/), 'Arn'] },
      Policies: [{ Key: policy, Name: 'bedrock-au-residency', TargetIds: [OU] }],
      MaxPoliciesPerTarget: 10,
    });
    template.hasResource('AWS::Organizations::Policy', { Properties: { Name: 'bedrock-au-residency' }, DependsOn: [guard.id] });
  });

  test('targets from OrganizationalUnitPath and addTarget() after protect() are passed through', () => {
    const stack = newStack();
    const prod = new OrganizationalUnitPath(stack, 'Prod', { path: 'Root/Workloads/Prod' });
    const posture = new AuBedrockResidencyScp(stack, 'Posture', { targetIds: [prod.organizationalUnitId], policyName: 'p' });
    ScpSlotGuard.protect(posture);
    posture.addTarget('123456789012');
    const template = Template.fromStack(stack);
    const [pathId] = Object.keys(template.findResources('Custom::OrganizationalUnitPath'));
    expect(guardOf(template).props.Policies[0].TargetIds).toEqual([{ 'Fn::GetAtt': [pathId, 'Id'] }, '123456789012']);
  });

  test('protect() on several policies uses one guard per stack; every policy depends on it; the smallest limit wins', () => {
    const stack = newStack();
    const quota = { maxPoliciesPerTarget: 10 };
    const a = new AuOnlyInferenceScp(stack, 'AuOnly', { targetIds: [OU], policyName: 'a', quota });
    const b = new RegionAllowlistScp(stack, 'Regions', { targetIds: [OU, '123456789012'], policyName: 'b', quota });
    const guard = ScpSlotGuard.protect(a);
    expect(ScpSlotGuard.protect(b)).toBe(guard);
    expect(guard.maxPoliciesPerTarget).toBe(10); // from the policies' quota
    ScpSlotGuard.protect(b, { maxPoliciesPerTarget: 7 });
    const template = Template.fromStack(stack);
    const { id, props } = guardOf(template);
    expect(props.MaxPoliciesPerTarget).toBe(7);
    expect(props.Policies.map((p: any) => [p.Name, p.TargetIds])).toEqual([['a', [OU]], ['b', [OU, '123456789012']]]);
    for (const name of ['a', 'b']) template.hasResource('AWS::Organizations::Policy', { Properties: { Name: name }, DependsOn: [id] });
    template.resourceCountIs('AWS::Lambda::Function', 2);
  });

  test('other SCPs of the stack on a guarded target are counted too, only for that target', () => {
    const stack = newStack();
    const posture = new AuBedrockResidencyScp(stack, 'Posture', { targetIds: [OU], policyName: 'guarded' });
    new CfnPolicy(stack, 'HandWritten', {
      name: 'hand-written', type: 'SERVICE_CONTROL_POLICY', content: { Version: '2012-10-17', Statement: [] }, targetIds: [OU, 'ou-ab12-unrelated1'],
    });
    new CfnPolicy(stack, 'Elsewhere', {
      name: 'elsewhere', type: 'SERVICE_CONTROL_POLICY', content: { Version: '2012-10-17', Statement: [] }, targetIds: ['ou-ab12-unrelated2'],
    });
    new CfnPolicy(stack, 'Tags', { name: 'tags', type: 'TAG_POLICY', content: {}, targetIds: [OU] });
    new ScpSlotGuard(stack, 'Guard', { policies: [posture] });
    const { props } = guardOf(Template.fromStack(stack));
    expect(props.Policies.map((p: any) => [p.Key, p.Name, p.TargetIds])).toEqual([
      [expect.stringMatching(/^Posture/), 'guarded', [OU]],
      ['HandWritten', 'hand-written', [OU]],
    ]);
  });

  test('the guard function may only list policies for targets', () => {
    const stack = newStack();
    ScpSlotGuard.protect(new AuBedrockResidencyScp(stack, 'Posture', { targetIds: [OU] }));
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('checks SCP slots'), Runtime: 'nodejs24.x', Handler: 'index.handler',
    });
    const fn = Object.values(template.findResources('AWS::Lambda::Function', { Properties: { Description: Match.stringLikeRegexp('checks SCP slots') } }))[0] as any;
    const role = fn.Properties.Role['Fn::GetAtt'][0];
    const statements = Object.values(template.findResources('AWS::IAM::Policy'))
      .filter((p: any) => p.Properties.Roles.some((r: any) => r.Ref === role))
      .flatMap((p: any) => p.Properties.PolicyDocument.Statement);
    expect(statements).toEqual([{ Action: 'organizations:ListPoliciesForTarget', Effect: 'Allow', Resource: '*' }]);
  });

  test('bad input is reported naming the prop', () => {
    const stack = newStack();
    const posture = new AuBedrockResidencyScp(stack, 'Posture', { targetIds: [OU] });
    expect(() => ScpSlotGuard.protect(posture, { maxPoliciesPerTarget: 0 }))
      .toThrow('ScpSlotGuard.protect(): invalid props (1 problem):\n  - maxPoliciesPerTarget: must be an integer of at least 1 and at most 10, got 0');
    expect(() => new ScpSlotGuard(stack, 'G', { policies: [posture], maxPoliciesPerTarget: 2.5 }))
      .toThrow(/ScpSlotGuard at Test\/G: invalid props[^]*maxPoliciesPerTarget: must be an integer of at least 1 and at most 10, got 2.5/);

    const other = new Stack(stack.node.root as App, 'Other');
    expect(() => new ScpSlotGuard(other, 'G', { policies: [posture] }))
      .toThrow(/policies: Test\/Posture is in stack Test, not Other. A guard must be in the stack of the policies it checks/);

    const empty = newStack();
    new ScpSlotGuard(empty, 'Lonely');
    expect(validationErrors(empty)).toMatch(/ScpSlotGuard at Test\/Lonely guards no policy/);
  });
});
