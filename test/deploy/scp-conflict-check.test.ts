import { Template } from 'aws-cdk-lib/assertions';
import { AuBedrockPosture, AuBedrockResidencyScp, PostureScpMode, ResidencyPolicies, ScpConflictAction, ScpConflictCheck } from '../../src';
import { permissionsBesidesLogging } from '../helpers/function-permissions';
import { newStack, validationErrors } from '../helpers/stack';

const OU = 'ou-ab12-34cd56ef';

function checkOf(template: Template): { id: string; props: any } {
  const checks = template.findResources('Custom::ScpConflictCheck');
  const ids = Object.keys(checks);
  expect(ids).toHaveLength(1);
  return { id: ids[0], props: checks[ids[0]].Properties };
}

describe('ScpConflictCheck', () => {
  test('the policy depends on the check, whose properties carry the document, targets, Regions and action', () => {
    const stack = newStack();
    const posture = new AuBedrockResidencyScp(stack, 'Posture', { targetIds: [OU], policyName: 'bedrock-au-residency' });
    ScpConflictCheck.protect(posture);
    const template = Template.fromStack(stack);
    const { id, props } = checkOf(template);
    expect(props.OnConflict).toBe('FAIL');
    expect(props.Policies).toEqual([{ Name: 'bedrock-au-residency', Document: expect.any(String), TargetIds: [OU], AllowedRegions: [] }]);
    // The handler evaluates exactly the document the policy carries.
    expect(JSON.parse(props.Policies[0].Document)).toEqual(ResidencyPolicies.posture());
    template.hasResource('AWS::Organizations::Policy', { Properties: { Name: 'bedrock-au-residency' }, DependsOn: [id] });
    // Read-only Organizations calls, besides the log group every library function writes to.
    expect(permissionsBesidesLogging(template, /checks the SCPs already attached/)).toEqual([expect.objectContaining({
      Action: ['organizations:DescribeOrganization', 'organizations:ListParents', 'organizations:ListPoliciesForTarget', 'organizations:DescribePolicy'],
      Effect: 'Allow',
      Resource: '*',
    })]);
  });

  test('a posture spilled over several SCPs is checked as the SCPs it attaches, each depending on the check', () => {
    const stack = newStack();
    const exemptPrincipalArns = Array.from({ length: 100 }, (_, i) => `arn:aws:iam::111122223333:role/BreakGlass${String(i).padStart(4, '0')}`);
    const posture = new AuBedrockResidencyScp(stack, 'Posture', { targetIds: [OU], policyName: 'bedrock-au', exemptPrincipalArns });
    expect(posture.policies.length).toBeGreaterThan(1);
    ScpConflictCheck.protect(posture);
    const template = Template.fromStack(stack);
    const { id, props } = checkOf(template);
    expect(props.Policies.map((p: any) => p.Name)).toEqual(posture.policies.map((_, i) => (i === 0 ? 'bedrock-au' : `bedrock-au-part${i + 1}`)));
    expect(props.Policies.flatMap((p: any) => JSON.parse(p.Document).Statement))
      .toHaveLength(ResidencyPolicies.posture({ exemptPrincipalArns }, { reportOversize: true }).Statement.length);
    for (const p of posture.policies) template.hasResource('AWS::Organizations::Policy', { Properties: { Name: p.name }, DependsOn: [id] });
  });

  test('one check per stack; WARN only when every caller asks for it', () => {
    const stack = newStack();
    const a = new AuBedrockResidencyScp(stack, 'A', { targetIds: [OU], policyName: 'a' });
    const b = new AuBedrockResidencyScp(stack, 'B', { targetIds: ['123456789012'], policyName: 'b' });
    const check = ScpConflictCheck.protect(a, { onConflict: ScpConflictAction.WARN });
    expect(ScpConflictCheck.protect(b, { onConflict: ScpConflictAction.WARN, allowedRegions: ['ap-southeast-2', 'ap-southeast-4'] })).toBe(check);
    expect(checkOf(Template.fromStack(stack)).props.OnConflict).toBe('WARN');
    ScpConflictCheck.protect(b);
    expect(check.onConflict).toBe(ScpConflictAction.FAIL);
  });

  test('invalid Regions are refused', () => {
    const stack = newStack();
    const a = new AuBedrockResidencyScp(stack, 'A', { targetIds: [OU] });
    expect(() => ScpConflictCheck.protect(a, { allowedRegions: ['ap-southeast2'] })).toThrow(/allowedRegions\[0\]: "ap-southeast2" is not a Region name/);
  });

  test('AuBedrockPosture checks every SCP it emits when asked, with its own Regions', () => {
    const stack = newStack();
    new AuBedrockPosture(stack, 'Posture', {
      targetIds: [OU],
      scpMode: PostureScpMode.SEPARATE_POLICIES,
      allowedRegions: ['ap-southeast-2', 'ap-southeast-4'],
      checkExistingScps: true,
      onScpConflict: ScpConflictAction.WARN,
    });
    expect(validationErrors(stack)).toBe('');
    const { props } = checkOf(Template.fromStack(stack));
    expect(props.OnConflict).toBe('WARN');
    expect(props.Policies.map((p: any) => [p.TargetIds, p.AllowedRegions])).toEqual([
      [[OU], ['ap-southeast-2', 'ap-southeast-4']],
      [[OU], ['ap-southeast-2', 'ap-southeast-4']],
    ]);
  });

  test('without checkExistingScps there is no check', () => {
    const stack = newStack();
    new AuBedrockPosture(stack, 'Posture', { targetIds: [OU] });
    Template.fromStack(stack).resourceCountIs('Custom::ScpConflictCheck', 0);
  });
});
