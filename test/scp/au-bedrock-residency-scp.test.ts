import { AuBedrockResidencyScp, AuOnlyInferenceScp, ControlTowerRoles, RegionAllowlistScp, ResidencyPolicies, ScpLimits } from '../../src';
import { newStack, onlyPolicy, warnings } from '../helpers/stack';

describe('AuBedrockResidencyScp', () => {
  test('default policy JSON (snapshot)', () => {
    const stack = newStack();
    const scp = new AuBedrockResidencyScp(stack, 'Posture', { targetIds: ['ou-ab12-34cd56ef'] });
    // The template (keys sorted by jest) and the exact minified text sent to Organizations.
    expect({ template: onlyPolicy(stack), minified: scp.policyJson }).toMatchSnapshot();
  });

  test('is exactly the statements of the two single-purpose policies, in one slot', () => {
    const opts = { targetIds: ['ou-ab12-34cd56ef'], exemptPrincipalArns: ['arn:aws:iam::*:role/BreakGlass'] };
    const a = newStack(); new AuOnlyInferenceScp(a, 'P', opts);
    const b = newStack(); new RegionAllowlistScp(b, 'P', opts);
    const c = newStack(); new AuBedrockResidencyScp(c, 'P', opts);
    expect(onlyPolicy(c).Content.Statement).toEqual([
      ...onlyPolicy(a).Content.Statement, ...onlyPolicy(b).Content.Statement,
    ]);
  });

  test('matches the CDK-free document from ResidencyPolicies', () => {
    const stack = newStack();
    new AuBedrockResidencyScp(stack, 'Posture', { targetIds: ['ou-ab12-34cd56ef'], allowedRegions: ['ap-southeast-2'] });
    expect(onlyPolicy(stack).Content).toEqual(ResidencyPolicies.posture({ allowedRegions: ['ap-southeast-2'] }));
  });

  test('the default posture fits even the pre-May-2026 5,120-character limit without exemptions', () => {
    const stack = newStack();
    const scp = new AuBedrockResidencyScp(stack, 'Posture', { targetIds: ['ou-ab12-34cd56ef'] });
    expect(scp.sizeChars).toBeLessThan(5120);
    expect(scp.limits.maxPolicySize).toBe(10240);
  });

  test('Control Tower roles and 3 break-glass roles: one SCP by default, within its slots under the older 5,120 budget', () => {
    const stack = newStack();
    const scp = new AuBedrockResidencyScp(stack, 'Posture', {
      targetIds: ['ou-ab12-34cd56ef'],
      exemptPrincipalArns: [...ControlTowerRoles.arnPatterns(), ...[1, 2, 3].map((i) => `arn:aws:iam::*:role/BreakGlass${i}`)],
    });
    expect(scp.policies).toHaveLength(1);
    expect(scp.sizeChars).toBeLessThanOrEqual(10240);
    // The older 5,120 budget: the same posture fits its slots, each SCP within 5,120 characters.
    const strict = new AuBedrockResidencyScp(newStack(), 'Strict', {
      targetIds: ['ou-ab12-34cd56ef'],
      exemptPrincipalArns: [...ControlTowerRoles.arnPatterns(), ...[1, 2, 3].map((i) => `arn:aws:iam::*:role/BreakGlass${i}`)],
      quota: ScpLimits.LEGACY_QUOTA,
    });
    expect(strict.policies.length).toBeLessThanOrEqual(4);
    expect(strict.policySizes.every((n) => n <= 5120)).toBe(true);
  });

  test('a root target warns that the management account is not covered', () => {
    const stack = newStack();
    new AuBedrockResidencyScp(stack, 'Posture', { targetIds: ['r-ab12'] });
    expect(warnings(stack).join('\n')).toMatch(/management account/);
  });
});
