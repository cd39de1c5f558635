import { Template } from 'aws-cdk-lib/assertions';
import { AuBedrockResidencyScp, ControlTowerRoles, ResidencyPolicies, RegionAllowlistScp, ScpSlotGuard } from '../../src';
import { errorOf } from '../helpers/errors';
import { newStack, validationErrors, warnings } from '../helpers/stack';

const OU = 'ou-ab12-34cd56ef';
const breakGlass = (n: number) => Array.from({ length: n }, (_, i) => `arn:aws:iam::111122223333:role/BreakGlass-${String(i).padStart(3, '0')}xx`);
const everyOptIn = { denyLongTermApiKeys: true, serviceSideInference: { denyAgentCoreMemoryChanges: true } };

describe('a posture over the SCP size quota spills over the fewest SCPs that hold it', () => {
  const exemptPrincipalArns = [...ControlTowerRoles.arnPatterns(), ...breakGlass(30)];

  test('every part is a policy on the same targets, named after the first, each within the quota, every statement whole in one', () => {
    const stack = newStack();
    const scp = new AuBedrockResidencyScp(stack, 'Posture', { targetIds: [OU, '111122223333'], exemptPrincipalArns, ...everyOptIn, policyName: 'bedrock-au' });
    expect(scp.policies.length).toBeGreaterThan(1);
    expect(scp.policy).toBe(scp.policies[0]);
    const resources = Object.values(Template.fromStack(stack).findResources('AWS::Organizations::Policy')).map((r) => r.Properties);
    expect(resources.map((r) => r.Name)).toEqual(scp.policies.map((_, i) => (i === 0 ? 'bedrock-au' : `bedrock-au-part${i + 1}`)));
    for (const r of resources) {
      expect(r.TargetIds).toEqual([OU, '111122223333']);
      expect(JSON.stringify(r.Content).length).toBeLessThanOrEqual(10240);
    }
    expect(resources.map((r) => JSON.stringify(r.Content).length)).toEqual(scp.policySizes);
    const whole = ResidencyPolicies.posture({ exemptPrincipalArns, ...everyOptIn }, { reportOversize: true });
    const spilled = resources.flatMap((r) => r.Content.Statement);
    expect(spilled).toHaveLength(whole.Statement.length);
    expect(spilled).toEqual(expect.arrayContaining(whole.Statement));
    expect(resources[1].Description).toMatch(/ \(part 2 of \d\)$/);
  });

  test('a warning states the slots and the sizes', () => {
    const stack = newStack();
    const scp = new AuBedrockResidencyScp(stack, 'Posture', { targetIds: [OU], exemptPrincipalArns, ...everyOptIn });
    const n = scp.policies.length;
    expect(warnings(stack).join('\n'))
      .toContain(`over the SCP size quota of 10240: it spans ${n} SCPs (${scp.policySizes.join(' + ')} characters) and takes ${n} of the 9 SCP slots`);
  });

  test('the app-wide slot check counts every part', () => {
    const parts = new AuBedrockResidencyScp(newStack(), 'Probe', { targetIds: [OU], exemptPrincipalArns, ...everyOptIn }).policies.length;
    // Exactly the slots the spilled posture needs are left; one more policy on the target is one too many.
    const quota = { policiesAttachedElsewhere: 10 - parts };
    const fits = newStack();
    new AuBedrockResidencyScp(fits, 'Posture', { targetIds: [OU], exemptPrincipalArns, ...everyOptIn, quota });
    expect(validationErrors(fits)).toBe('');
    const stack = newStack();
    new AuBedrockResidencyScp(stack, 'Posture', { targetIds: [OU], exemptPrincipalArns, ...everyOptIn, quota });
    new RegionAllowlistScp(stack, 'Regions', { targetIds: [OU], quota });
    expect(validationErrors(stack)).toMatch(/target ou-ab12-34cd56ef would carry 11 SCPs, over the limit of 10 per target/);
  });

  test('a slot guard waits for every part', () => {
    const stack = newStack();
    const scp = new AuBedrockResidencyScp(stack, 'Posture', { targetIds: [OU], exemptPrincipalArns, ...everyOptIn });
    const guard = ScpSlotGuard.protect(scp);
    const template = Template.fromStack(stack).toJSON();
    for (const p of scp.policies) {
      const guardId = stack.getLogicalId(guard.node.defaultChild as any);
      expect(template.Resources[stack.getLogicalId(p)].DependsOn).toEqual(expect.arrayContaining([guardId]));
    }
  });

  test('a policy name with no room for the part suffix is refused', () => {
    expect(errorOf(() => new AuBedrockResidencyScp(newStack(), 'Posture', { targetIds: [OU], exemptPrincipalArns, ...everyOptIn, policyName: 'p'.repeat(125) })))
      .toMatch(/policyName: "p{125}" leaves no room for the suffix -part\d of the SCPs the posture spills into/);
  });

  test('one that fits makes one policy and no warning', () => {
    const stack = newStack();
    const scp = new AuBedrockResidencyScp(stack, 'Posture', { targetIds: [OU] });
    expect(scp.policies).toHaveLength(1);
    expect(warnings(stack).join('\n')).not.toContain('spans');
  });
});
