import { Fn, Lazy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { CfnOrganizationalUnit, CfnPolicy } from 'aws-cdk-lib/aws-organizations';
import { AuBedrockResidencyScp, AuOnlyInferenceScp, RegionAllowlistScp, ResidencyPolicies, ScpLimits } from '../../src';
import { errorOf } from '../helpers/errors';
import { newStack, onlyPolicy, validationErrors } from '../helpers/stack';

const OU = 'ou-ab12-34cd56ef';


describe('bad input is rejected at synth time, naming the prop and the accepted form', () => {
  test.each([
    ['OU ID typo', { targetIds: ['ou-ab12-34cd'] }, /targetIds\[0\]: "ou-ab12-34cd" is not a valid target\. Use an OU ID like ou-ab12-34cd56ef, a 12-digit account ID/],
    ['short account ID', { targetIds: ['12345678901'] }, /targetIds\[0\]: "12345678901" is not a valid target/],
    ['root ID in capitals', { targetIds: ['R-AB12'] }, /targetIds\[0\]: "R-AB12" is not a valid target/],
    ['empty target list', { targetIds: [] }, /targetIds: must not be empty/],
    ['duplicate target', { targetIds: [OU, OU] }, /targetIds\[1\]: "ou-ab12-34cd56ef" is listed more than once/],
    ['Region typo', { targetIds: [OU], allowedRegions: ['ap-southeast2'] }, /allowedRegions\[0\]: "ap-southeast2" is not a Region name\. Use a Region code like ap-southeast-2/],
    ['unknown Region', { targetIds: [OU], allowedRegions: ['ap-southeast-9'] }, /allowedRegions\[0\]: "ap-southeast-9" is not a known AWS commercial Region/],
    ['empty Region list', { targetIds: [OU], allowedRegions: [] }, /allowedRegions: must not be empty/],
    ['prefix without dot', { targetIds: [OU], allowedProfilePrefixes: ['au'] }, /allowedProfilePrefixes\[0\]: "au" is not a system inference profile prefix\. Use one of au\., apac\./],
    ['made-up prefix', { targetIds: [OU], allowedProfilePrefixes: ['oceania.'] }, /"oceania\." is not a system inference profile prefix/],
    ['empty prefix list', { targetIds: [OU], allowedProfilePrefixes: [] }, /allowedProfilePrefixes: must not be empty/],
    ['global. allowed while globally denied', { targetIds: [OU], allowedProfilePrefixes: ['au.', 'global.'] }, /allowedProfilePrefixes: "global\." is allowed here but denyGlobalCrossRegionInference/],
    ['session ARN as exemption', { targetIds: [OU], exemptPrincipalArns: ['arn:aws:sts::123456789012:assumed-role/BreakGlass/jane'] }, /exemptPrincipalArns\[0\]: ".*" is not a principal ARN pattern\. Use an IAM role or user ARN pattern/],
    ['role name as exemption', { targetIds: [OU], exemptPrincipalArns: ['BreakGlass'] }, /exemptPrincipalArns\[0\]: "BreakGlass" is not a principal ARN pattern/],
    ['system profile ARN as application profile', { targetIds: [OU], allowedApplicationInferenceProfileArns: ['arn:aws:bedrock:ap-southeast-2:123456789012:inference-profile/au.anthropic.claude-sonnet-4-6'] }, /allowedApplicationInferenceProfileArns\[0\]: .* is not an application inference profile ARN/],
    ['application profile in an unknown Region', { targetIds: [OU], allowedApplicationInferenceProfileArns: ['arn:aws:bedrock:ap-southeast-9:123456789012:application-inference-profile/a1b2c3d4e5f6'] }, /names an unknown Region "ap-southeast-9"/],
    ['policy name too long', { targetIds: [OU], policyName: 'x'.repeat(129) }, /policyName: "x+" is not a valid policy name\. Use 1-128 printable ASCII characters/],
    ['description too long', { targetIds: [OU], description: 'd'.repeat(513) }, /description: is 513 characters long; Organizations accepts at most 512/],
    ['zero policies per target', { targetIds: [OU], quota: { maxPoliciesPerTarget: 0 } }, /quota\.maxPoliciesPerTarget: must be an integer of at least 1 and at most 10, got 0/],
    ['fractional size limit', { targetIds: [OU], quota: { maxPolicySize: 100.5 } }, /quota\.maxPolicySize: must be an integer of at least 1 and at most 10240, got 100\.5/],
    ['negative policies elsewhere', { targetIds: [OU], quota: { policiesAttachedElsewhere: -1 } }, /quota\.policiesAttachedElsewhere: must be an integer of at least 0 and at most 9, got -1/],
  ])('%s', (_name, props, message) => {
    const msg = errorOf(() => new AuBedrockResidencyScp(newStack(), 'Posture', props as any));
    expect(msg).toMatch(message);
    expect(msg).toMatch(/^AuBedrockResidencyScp at Test\/Posture: /);
  });

  test('every problem is reported together', () => {
    const msg = errorOf(() => new AuBedrockResidencyScp(newStack(), 'Posture', {
      targetIds: ['ou-bad', '123'],
      allowedRegions: ['sydney'],
      allowedProfilePrefixes: ['au'],
      exemptPrincipalArns: ['root'],
    }));
    expect(msg).toMatch(/invalid props \(5 problems\)/);
    for (const prop of ['targetIds[0]', 'targetIds[1]', 'allowedRegions[0]', 'allowedProfilePrefixes[0]', 'exemptPrincipalArns[0]']) {
      expect(msg).toContain(`  - ${prop}: `);
    }
  });

  test('addTarget validates the new target', () => {
    const scp = new AuOnlyInferenceScp(newStack(), 'AuOnly', { targetIds: [OU] });
    expect(errorOf(() => scp.addTarget('ou-nope'))).toMatch(
      /AuOnlyInferenceScp\.addTarget\(\) at Test\/AuOnly: invalid props \(1 problem\):\n {2}- targetId: "ou-nope" is not a valid target/);
  });

  test('the CDK-free ResidencyPolicies facade validates the same way', () => {
    expect(errorOf(() => ResidencyPolicies.regionAllowlist({ allowedRegions: ['us-east-9'] }))).toMatch(
      /ResidencyPolicies\.regionAllowlist: invalid props \(1 problem\):\n {2}- allowedRegions\[0\]: "us-east-9" is not a known AWS commercial Region/);
  });
});

describe('CDK tokens pass through where CloudFormation resolves them', () => {
  test('an OU created in the same stack, an imported ID and a role ARN', () => {
    const stack = newStack();
    const ou = new CfnOrganizationalUnit(stack, 'Ou', { name: 'Workloads', parentId: 'r-ab12' });
    const breakGlass = new iam.Role(stack, 'BreakGlass', { assumedBy: new iam.AccountRootPrincipal() });
    const scp = new AuBedrockResidencyScp(stack, 'Posture', {
      targetIds: [ou.attrId, Fn.importValue('SecurityOuId')],
      exemptPrincipalArns: [breakGlass.roleArn],
    });
    const policy = onlyPolicy(stack);
    expect(policy.TargetIds).toEqual([{ 'Fn::GetAtt': ['Ou', 'Id'] }, { 'Fn::ImportValue': 'SecurityOuId' }]);
    const boundary = policy.Content.Statement.find((s: any) => s.Sid === 'DenyBedrockOutsideResidencyRegions');
    expect(boundary.Condition.ArnNotLike['aws:PrincipalArn']).toEqual([stack.resolve(breakGlass.roleArn)]);
    // The size counts a generous estimate for the unresolved ARN.
    expect(scp.sizeChars).toBeGreaterThan(ResidencyPolicies.minifiedSize(ResidencyPolicies.posture()));
  });

  test('a token list of targets is accepted as a whole', () => {
    const stack = newStack();
    new AuOnlyInferenceScp(stack, 'AuOnly', { targetIds: Lazy.list({ produce: () => [OU] }) });
    expect(onlyPolicy(stack).TargetIds).toEqual([OU]);
  });
});

describe('SCP quotas', () => {
  test('a policy the slot budget cannot hold fails, naming the numbers and what would fit', () => {
    const exemptPrincipalArns = Array.from({ length: 200 }, (_, i) => `arn:aws:iam::*:role/break-glass/responder-${i}`);
    const msg = errorOf(() => new AuBedrockResidencyScp(newStack(), 'Posture', { targetIds: [OU], exemptPrincipalArns, quota: { policiesAttachedElsewhere: 8 } }));
    expect(msg).toMatch(/quota\.maxPoliciesPerTarget: the posture needs \d+ SCPs \([\d +]+ characters\) and the budget is 2 SCP slots of 10240 characters: the budget holds this posture with the first \d+ of its 200 exemptions/);
    // The count it names does fit, and one more does not.
    const n = Number(/with the first (\d+) of/.exec(msg)![1]);
    const quota = { policiesAttachedElsewhere: 8 };
    expect(new AuBedrockResidencyScp(newStack(), 'Fits', { targetIds: [OU], exemptPrincipalArns: exemptPrincipalArns.slice(0, n), quota }).policies).toHaveLength(2);
    expect(() => new AuBedrockResidencyScp(newStack(), 'Over', { targetIds: [OU], exemptPrincipalArns: exemptPrincipalArns.slice(0, n + 1), quota })).toThrow(/budget is 2 SCP slots/);
  });

  test('the default is the 10,240-character quota; the older 5,120 budget can be kept on purpose', () => {
    // Each exemption is repeated in every statement that carries it (SCPs have no Principal element).
    const exemptPrincipalArns = Array.from({ length: 30 }, (_, i) => `arn:aws:iam::*:role/break-glass/responder-${i}`);
    const scp = new AuBedrockResidencyScp(newStack(), 'Default', { targetIds: [OU], exemptPrincipalArns });
    expect(scp.sizeChars).toBeGreaterThan(5120);
    expect(scp.sizeChars).toBeLessThanOrEqual(10240);
    expect(scp.limits.maxPolicySize).toBe(ScpLimits.DEFAULT_MAX_POLICY_SIZE);
    const legacy = new AuBedrockResidencyScp(newStack(), 'Legacy', { targetIds: [OU], exemptPrincipalArns, quota: ScpLimits.LEGACY_QUOTA });
    expect(legacy.policies.length).toBeGreaterThan(1);
    expect(legacy.policySizes.every((n) => n <= 5120)).toBe(true);
  });

  function fillTarget(stack: Stack, ourPolicies: number, handWritten = 0, quota = {}): void {
    for (let i = 0; i < ourPolicies; i++) {
      new AuOnlyInferenceScp(stack, `AuOnly${i}`, { targetIds: [OU], quota, policyName: `au-only-${i}` });
    }
    for (let i = 0; i < handWritten; i++) {
      new CfnPolicy(stack, `HandWritten${i}`, {
        name: `hand-${i}`,
        type: 'SERVICE_CONTROL_POLICY',
        targetIds: [OU],
        content: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'ec2:*', Resource: '*' }] },
      });
    }
  }

  test('nine policies from this app plus FullAWSAccess fit the default of ten', () => {
    const stack = newStack();
    fillTarget(stack, 9);
    expect(validationErrors(stack)).toBe('');
  });

  test('an eleventh SCP on one target fails once, naming the target, the policies and the numbers', () => {
    const stack = newStack();
    fillTarget(stack, 3, 7);
    const msg = validationErrors(stack);
    expect(msg).toMatch(/target ou-ab12-34cd56ef would carry 11 SCPs, over the limit of 10 per target: 10 from this app \(Test\/AuOnly0\/Resource\/Resource, Test\/AuOnly1\/Resource\/Resource, Test\/AuOnly2\/Resource\/Resource, Test\/HandWritten0, .*Test\/HandWritten6\) and 1 assumed attached elsewhere/);
    expect(msg.match(/would carry/g)).toHaveLength(1);
  });

  test('Control Tower guardrails can be counted, and the older 5-per-target budget declared', () => {
    const guarded = newStack();
    fillTarget(guarded, 2, 0, { policiesAttachedElsewhere: 9 });
    expect(validationErrors(guarded)).toMatch(/would carry 11 SCPs, over the limit of 10/);

    const legacy = newStack();
    fillTarget(legacy, 2, 0, { policiesAttachedElsewhere: 4, maxPoliciesPerTarget: ScpLimits.LEGACY_MAX_POLICIES_PER_TARGET });
    expect(validationErrors(legacy)).toMatch(/would carry 6 SCPs, over the limit of 5/);
    const fits = newStack();
    fillTarget(fits, 2, 0, { policiesAttachedElsewhere: 4 });
    expect(validationErrors(fits)).toBe('');
  });

  test('counts policies attached through addTarget and across stacks of one app', () => {
    const stack = newStack();
    const other = new Stack(stack.node.root as any, 'Other');
    fillTarget(stack, 7);
    for (let i = 0; i < 3; i++) {
      const scp = new RegionAllowlistScp(other, `R${i}`, { targetIds: ['123456789012'] });
      scp.addTarget(OU);
    }
    expect(validationErrors(stack)).toMatch(/target ou-ab12-34cd56ef would carry 11 SCPs/);
  });
});
